-- name: days_to_first_purchase
-- question: How long after registering do buyers make their first purchase?
-- description: For game designers. Buyers (players with an approved purchase) counted by whole days from registration (PlayerRegistered) to their first approved purchase: days_from 0 is within the first 24 hours, 1 the next 24, and so on; only days with at least one buyer are listed.
-- chart: histogram
-- x: days_from   -- y: buyers
with registered as (
  select player_id, min(occurred_at) as registered_at from all_events where event_type = 'PlayerRegistered' group by player_id
), first_purchase as (
  select player_id, min(occurred_at) as bought_at from buys where status = 'approved_purchase' group by player_id
), waited as (
  select cast(floor(cast(date_diff('millisecond', r.registered_at, f.bought_at) as double) / 86400000) as bigint) as days_from
  from registered r
  join first_purchase f on f.player_id = r.player_id
)
select days_from, count(*) as buyers
from waited
group by days_from
order by days_from

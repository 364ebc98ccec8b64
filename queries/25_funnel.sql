-- name: funnel
-- question: How many players go from registering to logging in, to a first purchase, to joining a first organisation?
-- description: For game designers. An ordered funnel: every registered player (PlayerRegistered) is at step 1; step 2 when they logged in (LoggedIn) at or after registering, step 3 when they then made an approved purchase at or after that first login, step 4 when they then joined a guild or team (an approved join) at or after that first purchase. of_registered is the step's players ÷ step 1's, of_previous ÷ the step before's. Seed-route players never log in and stop at step 1.
-- chart: bar
-- x: stage   -- y: players
with registered as (
  select player_id, min(occurred_at) as reached_at from all_events where event_type = 'PlayerRegistered' group by player_id
), logged_in as (
  select r.player_id, min(e.occurred_at) as reached_at
  from registered r join all_events e on e.player_id = r.player_id and e.event_type = 'LoggedIn' and e.occurred_at >= r.reached_at
  group by r.player_id
), bought as (
  select l.player_id, min(e.occurred_at) as reached_at
  from logged_in l join all_events e on e.player_id = l.player_id and e.event_type = 'ItemPurchased' and e.occurred_at >= l.reached_at
  group by l.player_id
), joined as (
  select b.player_id, min(e.occurred_at) as reached_at
  from bought b join all_events e on e.player_id = b.player_id and e.event_type = 'OrgJoined' and e.occurred_at >= b.reached_at
  group by b.player_id
), steps as (
  select 1 as step, 'registered' as stage, (select count(*) from registered) as players
  union all select 2 as step, 'logged_in' as stage, (select count(*) from logged_in) as players
  union all select 3 as step, 'first_purchase' as stage, (select count(*) from bought) as players
  union all select 4 as step, 'first_org' as stage, (select count(*) from joined) as players
)
select step, stage, players,
       round(cast(players as double) / nullif(max(players) over (), 0), 4) as of_registered,
       round(cast(players as double) / nullif(lag(players) over (order by step), 0), 4) as of_previous
from steps
order by step

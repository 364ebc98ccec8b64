-- name: time_to_first_purchase
-- question: Mean time (seconds) from a player's first login to their first purchase
-- description: For game designers. Players who signed in through the game client (at least one login); the clock starts at the player's first login and stops at the first approved purchase. Players who never bought are left out (see players). Lower is better: new players find something worth buying quickly.
-- chart: table
-- x: players   -- y: mean_seconds
with first_login as (
  select player_id, min(occurred_at) as first_login_at from all_events where event_type = 'LoggedIn' group by player_id
), signed_in as (
  select distinct player_id from all_events where event_type = 'LoggedIn'
), first_purchase as (
  select player_id, min(occurred_at) as bought_at from buys where status = 'approved_purchase' group by player_id
)
select count(*) as players,
       round(avg(date_diff('millisecond', r.first_login_at, f.bought_at)) / 1000, 3) as mean_seconds,
       round(cast(min(date_diff('millisecond', r.first_login_at, f.bought_at)) as double) / 1000, 3) as min_seconds,
       round(cast(max(date_diff('millisecond', r.first_login_at, f.bought_at)) as double) / 1000, 3) as max_seconds
from first_login r
join signed_in s on s.player_id = r.player_id
join first_purchase f on f.player_id = r.player_id

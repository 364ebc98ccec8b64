-- name: time_to_first_org_join
-- question: Mean time (seconds) from a player's first login to their first guild or team join
-- description: For game designers. Players who signed in through the game client; the clock starts at the player's first login and stops at the first approved join of a guild or team (refused joins do not count). Players who never joined are left out. A long time suggests the social features are hard to find or too expensive.
-- chart: table
-- x: players   -- y: mean_seconds
with first_login as (
  select player_id, min(occurred_at) as first_login_at from all_events where event_type = 'LoggedIn' group by player_id
), signed_in as (
  select distinct player_id from all_events where event_type = 'LoggedIn'
), first_join as (
  select player_id, min(occurred_at) as joined_at from social where status = 'approved_join' group by player_id
)
select count(*) as players,
       round(avg(date_diff('millisecond', r.first_login_at, j.joined_at)) / 1000, 3) as mean_seconds,
       round(cast(min(date_diff('millisecond', r.first_login_at, j.joined_at)) as double) / 1000, 3) as min_seconds,
       round(cast(max(date_diff('millisecond', r.first_login_at, j.joined_at)) as double) / 1000, 3) as max_seconds
from first_login r
join signed_in s on s.player_id = r.player_id
join first_join j on j.player_id = r.player_id

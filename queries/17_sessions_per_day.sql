-- name: sessions_per_day
-- question: How many sessions do players play each day, and how long are they?
-- description: For game designers. A session is a run of one player's events (all_events, ordered by time): a LoggedIn starts a new one, a LoggedOut ends the one it is in, and so does a pause of more than 30 minutes between two events. Its length is the time from its first event to its last, in seconds (0 for a session of one event); its day is the UTC day it started. For each day: the players with a session, the sessions, sessions per player, the mean session length and the mean play time per player (seconds).
-- chart: bar
-- x: day   -- y: sessions
with ordered as (
  select player_id, event_type, event_date, occurred_at,
         lag(occurred_at) over (partition by player_id order by occurred_at, player_version) as prev_at,
         lag(event_type) over (partition by player_id order by occurred_at, player_version) as prev_type,
         player_version
  from all_events
), marked as (
  select player_id, event_date, occurred_at, player_version,
         case when prev_at is null or event_type = 'LoggedIn' or prev_type = 'LoggedOut'
                   or date_diff('millisecond', prev_at, occurred_at) > 1800000 then 1 else 0 end as starts
  from ordered
), numbered as (
  select player_id, event_date, occurred_at, starts,
         sum(starts) over (partition by player_id order by occurred_at, player_version rows between unbounded preceding and current row) as session_no
  from marked
), sessions as (
  select player_id, session_no,
         max(case when starts = 1 then event_date end) as day,
         date_diff('millisecond', min(occurred_at), max(occurred_at)) as length_ms
  from numbered
  group by player_id, session_no
)
select day,
       count(distinct player_id) as players,
       count(*) as sessions,
       round(cast(count(*) as double) / count(distinct player_id), 3) as sessions_per_player,
       round(avg(cast(length_ms as double)) / 1000, 3) as avg_session_seconds,
       round(cast(sum(length_ms) as double) / count(distinct player_id) / 1000, 3) as seconds_per_player
from sessions
group by day
order by day

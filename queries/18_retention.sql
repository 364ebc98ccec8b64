-- name: retention
-- question: What share of new players come back 1, 7 and 30 days after registering (D1, D7, D30)?
-- description: For game designers. Exact-day retention, as GameAnalytics and PlayFab count it: a player's cohort day is the UTC day of their registration (PlayerRegistered); they are retained on day N when they are active (any event, in UTC) on exactly cohort day + N, whatever they did in between. Only cohorts whose day + N is on or before the lake's last event day count (cohort_players); retention is retained ÷ cohort_players, null while no cohort is old enough.
-- chart: table
-- x: day_n   -- y: retention
with registered as (
  select player_id, min(event_date) as cohort_day from all_events where event_type = 'PlayerRegistered' group by player_id
), last_day as (
  select max(event_date) as day from all_events
), cohort as (
  select r.player_id,
         date_diff('day', cast(r.cohort_day as date), cast(l.day as date)) as observed_days,
         max(case when date_diff('day', cast(r.cohort_day as date), cast(a.event_date as date)) = 1 then 1 else 0 end) as d1,
         max(case when date_diff('day', cast(r.cohort_day as date), cast(a.event_date as date)) = 7 then 1 else 0 end) as d7,
         max(case when date_diff('day', cast(r.cohort_day as date), cast(a.event_date as date)) = 30 then 1 else 0 end) as d30
  from registered r
  cross join last_day l
  join all_events a on a.player_id = r.player_id
  group by r.player_id, r.cohort_day, l.day
), offsets as (
  select 1 as day_n union all select 7 as day_n union all select 30 as day_n
), counted as (
  select o.day_n,
         sum(case when c.observed_days >= o.day_n then 1 else 0 end) as cohort_players,
         sum(case when c.observed_days >= o.day_n then (case o.day_n when 1 then c.d1 when 7 then c.d7 else c.d30 end) else 0 end) as retained
  from offsets o
  cross join cohort c
  group by o.day_n
)
select day_n, cohort_players, retained, round(cast(retained as double) / nullif(cohort_players, 0), 4) as retention
from counted
order by day_n

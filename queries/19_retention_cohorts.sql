-- name: retention_cohorts
-- question: Of the players who registered on each day, what share was active N days later?
-- description: For game designers. The cohort matrix behind exact-day retention: one row per registration day (cohort_day, the UTC day of PlayerRegistered) and each later day with any event (day_n days after it, from 0); active_players are the cohort's players with any event on exactly cohort_day + day_n (UTC), retention is active_players ÷ cohort_players (day 0 is 1).
-- chart: table
-- x: day_n   -- y: retention
with registered as (
  select player_id, min(event_date) as cohort_day from all_events where event_type = 'PlayerRegistered' group by player_id
), active as (
  select distinct event_date as day, player_id from all_events
), days as (
  select distinct day from active
), cells as (
  select r.cohort_day, d.day, r.player_id, date_diff('day', cast(r.cohort_day as date), cast(d.day as date)) as day_n
  from registered r
  join days d on d.day >= r.cohort_day
)
select c.cohort_day, c.day_n,
       count(*) as cohort_players,
       count(a.player_id) as active_players,
       round(cast(count(a.player_id) as double) / count(*), 4) as retention
from cells c
left join active a on a.player_id = c.player_id and a.day = c.day
group by c.cohort_day, c.day_n
order by c.cohort_day, c.day_n

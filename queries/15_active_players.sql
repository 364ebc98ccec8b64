-- name: active_players
-- question: How many players play each day, week and month, and how sticky is the game (DAU ÷ MAU)?
-- description: For game designers. A player is active on a day when they have any event that day (any row of all_events, in UTC: event_date). For each day with any event: dau counts the players active that day, wau those active on any of the 7 days ending that day, mau on any of the 30 days ending that day (rolling windows, the day included; windows that reach before the first day count what there is). stickiness is dau ÷ mau (1 = every monthly player plays every day).
-- chart: line
-- x: day   -- y: dau, wau, mau
with active as (
  select distinct event_date as day, player_id from all_events
), days as (
  select distinct day from active
)
select d.day,
       count(distinct case when a.day = d.day then a.player_id end) as dau,
       count(distinct case when date_diff('day', cast(a.day as date), cast(d.day as date)) < 7 then a.player_id end) as wau,
       count(distinct a.player_id) as mau,
       round(cast(count(distinct case when a.day = d.day then a.player_id end) as double) / count(distinct a.player_id), 4) as stickiness
from days d
join active a on a.day <= d.day and date_diff('day', cast(a.day as date), cast(d.day as date)) < 30
group by d.day
order by d.day

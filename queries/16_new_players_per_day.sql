-- name: new_players_per_day
-- question: How many new players join each day?
-- description: For game designers. Players registered (their PlayerRegistered event) on each UTC day, for every day with any event (0 when none joined), and the players registered up to and including that day.
-- chart: bar
-- x: day   -- y: new_players
with days as (
  select distinct event_date as day from all_events
), joined as (
  select event_date as day, count(*) as n from all_events where event_type = 'PlayerRegistered' group by event_date
)
select d.day, coalesce(j.n, 0) as new_players, sum(coalesce(j.n, 0)) over (order by d.day) as players_so_far
from days d
left join joined j on j.day = d.day
order by d.day

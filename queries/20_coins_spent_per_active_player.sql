-- name: coins_spent_per_active_player
-- question: How many coins does a daily active player spend on items (ARPDAU's in-game analogue)?
-- description: For game designers. For each UTC day with any event: dau (players with any event that day), buyers (players with an approved purchase that day), coins_spent (the cost of that day's approved purchases, catalogue- and client-priced alike; org joins are not items, see economy_per_day) and coins_per_dau = coins_spent ÷ dau.
-- chart: line
-- x: day   -- y: coins_per_dau
with days as (
  select event_date as day, count(distinct player_id) as dau from all_events group by event_date
), spent as (
  select event_date as day, count(distinct player_id) as buyers, sum(cost) as coins from buys where status = 'approved_purchase' group by event_date
)
select d.day, d.dau, coalesce(s.buyers, 0) as buyers, coalesce(s.coins, 0) as coins_spent, round(coalesce(s.coins, 0) / d.dau, 2) as coins_per_dau
from days d
left join spent s on s.day = d.day
order by d.day

-- name: economy_per_day
-- question: How many coins enter and leave the economy each day, and how fast does the money supply grow?
-- description: For game designers. Sources (coins_in): the starting wealth of the players registered that day (PlayerRegistered's player_wealth) and the rewards of fights won. Sinks (coins_out): the cost of approved purchases and approved org joins. net = coins_in − coins_out; coins_held is the sum of net up to and including the day (the coins all players hold at its end); inflation is net ÷ the coins held at the end of the day before (null on the first day or when none were held). Days are UTC days with any event.
-- chart: line
-- x: day   -- y: coins_in, coins_out
with flows as (
  select event_date as day,
         case when event_type = 'PlayerRegistered' then player_wealth when event_type = 'FightFought' then coalesce(reward, 0) else 0 end as coins_in,
         case when event_type in ('ItemPurchased', 'OrgJoined') then cost else 0 end as coins_out
  from all_events
), daily as (
  select day, sum(coins_in) as coins_in, sum(coins_out) as coins_out, sum(coins_in) - sum(coins_out) as net from flows group by day
), held as (
  select day, coins_in, coins_out, net, sum(net) over (order by day) as coins_held from daily
)
select day, coins_in, coins_out, net, coins_held,
       round(net / nullif(lag(coins_held) over (order by day), 0), 4) as inflation
from held
order by day

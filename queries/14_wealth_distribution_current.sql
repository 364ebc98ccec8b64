-- name: wealth_distribution_current
-- question: How many players have how much wealth now?
-- description: For the player dashboard. Every registered player's wealth at the latest state export (players, from the snapshots), counted in ranges of coins; wealth_from is the lower bound of the range, wealth_to the upper bound (exclusive, null for the open top range). Empty until the first `placebo export-state`.
-- chart: histogram
-- x: wealth_from   -- y: players
with ranged as (
  select case when wealth < 100 then 0 when wealth < 500 then 100 when wealth < 1000 then 500 when wealth < 2000 then 1000
              when wealth < 5000 then 2000 when wealth < 10000 then 5000 when wealth < 50000 then 10000
              when wealth < 100000 then 50000 when wealth < 1000000 then 100000 else 1000000 end as wealth_from
  from players
)
select wealth_from,
       case wealth_from when 0 then 100 when 100 then 500 when 500 then 1000 when 1000 then 2000 when 2000 then 5000
            when 5000 then 10000 when 10000 then 50000 when 50000 then 100000 when 100000 then 1000000 end as wealth_to,
       count(*) as players
from ranged
group by wealth_from
order by wealth_from

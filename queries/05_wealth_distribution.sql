-- name: wealth_distribution
-- question: How many players have how much wealth?
-- description: For the player dashboard. Each player's latest wealth (after their last event), counted in ranges of coins; wealth_from is the lower bound of the range, wealth_to the upper bound (exclusive, null for the open top range).
-- chart: histogram
-- x: wealth_from   -- y: players
with latest as (
  select player_id, max_by(player_wealth, player_version) as wealth from all_events group by player_id
), ranged as (
  select case when wealth < 100 then 0 when wealth < 500 then 100 when wealth < 1000 then 500 when wealth < 2000 then 1000
              when wealth < 5000 then 2000 when wealth < 10000 then 5000 when wealth < 50000 then 10000
              when wealth < 100000 then 50000 when wealth < 1000000 then 100000 else 1000000 end as wealth_from
  from latest
)
select wealth_from,
       case wealth_from when 0 then 100 when 100 then 500 when 500 then 1000 when 1000 then 2000 when 2000 then 5000
            when 5000 then 10000 when 10000 then 50000 when 50000 then 100000 when 100000 then 1000000 end as wealth_to,
       count(*) as players
from ranged
group by wealth_from
order by wealth_from

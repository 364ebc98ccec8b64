-- name: purchases_per_host
-- question: How many purchases came through each host?
-- description: For operations and marketing. Approved purchases per Host header of the request (a game front end, or a seed 001 player's own host name): purchases, items and coins spent, busiest host first.
-- chart: bar
-- x: host   -- y: purchases
select host,
       count(*) as purchases,
       sum(quantity) as items,
       round(sum(cost), 2) as coins_spent
from buys
where status = 'approved_purchase'
group by host
order by purchases desc, host

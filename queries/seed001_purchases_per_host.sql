-- name: seed001_purchases_per_host
-- question: Seed 001: how many purchases did each host make?
-- description: Seed 001's "select host, count(*) from purchases group by host", with the count named and the rows ordered by host.
-- chart: bar
-- x: host   -- y: purchases
select host, count(*) as purchases from purchases group by host order by host

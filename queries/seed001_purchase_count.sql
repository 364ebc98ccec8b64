-- name: seed001_purchase_count
-- question: Seed 001: how many purchases are there?
-- description: Seed 001's "select count(amount) from purchases", with the column named.
-- chart: table
-- x: purchases   -- y: purchases
select count(amount) as purchases from purchases

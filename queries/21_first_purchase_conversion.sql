-- name: first_purchase_conversion
-- question: What share of players ever buy something, and how many days after registering do they first buy?
-- description: For game designers. players: every registered player (PlayerRegistered); buyers: those with at least one approved purchase; conversion = buyers ÷ players; mean_days_to_first_purchase is the mean time from registration to the first approved purchase, in days (86 400 s), of the buyers; same_day_buyers bought within 24 hours of registering.
-- chart: table
-- x: players   -- y: conversion
with registered as (
  select player_id, min(occurred_at) as registered_at from all_events where event_type = 'PlayerRegistered' group by player_id
), first_purchase as (
  select player_id, min(occurred_at) as bought_at from buys where status = 'approved_purchase' group by player_id
)
select count(r.player_id) as players,
       count(f.player_id) as buyers,
       round(cast(count(f.player_id) as double) / nullif(count(r.player_id), 0), 4) as conversion,
       round(avg(cast(date_diff('millisecond', r.registered_at, f.bought_at) as double)) / 86400000, 3) as mean_days_to_first_purchase,
       sum(case when date_diff('millisecond', r.registered_at, f.bought_at) < 86400000 then 1 else 0 end) as same_day_buyers
from registered r
left join first_purchase f on f.player_id = r.player_id

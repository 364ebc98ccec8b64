-- name: offers_time_to_first_purchase
-- question: Which price tactic (special offer or full price) goes with the shortest time to a first purchase?
-- description: For game designers. Players who signed in through the game client, grouped by the tactic of their first approved purchase: the offer they used (WELCOME10, BLADES25 …) or none (full catalogue price). For each tactic: how many players, the mean seconds from their first login to that purchase, and the mean discount. Compare mean_seconds across tactics; a tactic with few players is weak evidence.
-- chart: bar
-- x: tactic   -- y: mean_seconds
with first_login as (
  select player_id, min(occurred_at) as first_login_at from all_events where event_type = 'LoggedIn' group by player_id
), signed_in as (
  select distinct player_id from all_events where event_type = 'LoggedIn'
), first_purchase as (
  select player_id,
         min(occurred_at) as bought_at,
         min_by(coalesce(offer_id, 'none'), player_version) as tactic,
         min_by(discount, player_version) as discount
  from buys where status = 'approved_purchase' group by player_id
)
select f.tactic as tactic,
       count(*) as players,
       round(avg(date_diff('millisecond', r.first_login_at, f.bought_at)) / 1000, 3) as mean_seconds,
       round(avg(f.discount), 2) as mean_discount
from first_login r
join signed_in s on s.player_id = r.player_id
join first_purchase f on f.player_id = r.player_id
group by f.tactic
order by f.tactic

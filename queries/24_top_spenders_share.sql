-- name: top_spenders_share
-- question: What share of all coins spent on items comes from the top 1 % of players?
-- description: For game designers. Every registered player ranked by the coins of their approved purchases (ties by player_id); the top 1 % are the first ceiling(players ÷ 100) of them. top_share = their coins ÷ all players' coins (null when nobody spent any).
-- chart: table
-- x: players   -- y: top_share
with registered as (
  select distinct player_id from all_events where event_type = 'PlayerRegistered'
), spend as (
  select player_id, sum(cost) as spent from buys where status = 'approved_purchase' group by player_id
), ranked as (
  select coalesce(s.spent, 0) as spent,
         row_number() over (order by coalesce(s.spent, 0) desc, r.player_id) as place,
         count(*) over () as players
  from registered r
  left join spend s on s.player_id = r.player_id
), cut as (
  select max(players) as players,
         cast(ceiling(cast(max(players) as double) / 100) as bigint) as top_players,
         sum(spent) as total_spent
  from ranked
)
select t.players, t.top_players,
       sum(case when r.place <= t.top_players then r.spent else 0 end) as top_spent,
       t.total_spent,
       round(sum(case when r.place <= t.top_players then r.spent else 0 end) / nullif(t.total_spent, 0), 4) as top_share
from cut t
cross join ranked r
group by t.players, t.top_players, t.total_spent

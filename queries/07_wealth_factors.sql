-- name: wealth_factors
-- question: Which factors go with a player's wealth: items held, organisations joined, time played?
-- description: For the player dashboard. Pearson correlation of each player's latest wealth with their latest item count, organisation count and (for players who signed in through the game client) seconds played, from their first login to their latest purchase, join, leave or fight. From -1 (more of the factor, less wealth) to 1; near 0, no linear link. Null when a factor does not vary.
-- chart: bar
-- x: factor   -- y: correlation
with figures as (
  select player_id,
         max_by(player_wealth, player_version) as wealth,
         max_by(player_num_items, player_version) as items,
         max_by(player_num_affiliations, player_version) as orgs,
         min(case when event_type = 'LoggedIn' then occurred_at end) as first_login_at,
         max(case when event_type in ('ItemPurchased', 'PurchaseRefused', 'OrgJoined', 'OrgJoinRefused', 'OrgLeft', 'FightFought') then occurred_at end) as last_action_at,
         sum(case when event_type = 'LoggedIn' then 1 else 0 end) as logins
  from all_events group by player_id
), players as (
  select wealth, cast(items as double) as items, cast(orgs as double) as orgs,
         case when logins > 0 then cast(date_diff('millisecond', first_login_at, last_action_at) as double) / 1000 end as played_seconds
  from figures
)
select 'items' as factor, count(*) as players,
       case when count(distinct items) > 1 and count(distinct wealth) > 1 then round(corr(wealth, items), 4) end as correlation
from players
union all
select 'orgs' as factor, count(*) as players,
       case when count(distinct orgs) > 1 and count(distinct wealth) > 1 then round(corr(wealth, orgs), 4) end as correlation
from players
union all
select 'time_played' as factor, count(played_seconds) as players,
       case when count(distinct played_seconds) > 1 and count(distinct case when played_seconds is not null then wealth end) > 1 then round(corr(wealth, played_seconds), 4) end as correlation
from players
order by factor

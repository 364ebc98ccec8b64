-- name: wealth_trend
-- question: How much wealth is a player likely to have after playing for a while?
-- description: For the player dashboard. A least-squares line of latest wealth against seconds played (players who signed in through the game client; seconds from their first login to their latest purchase, join, leave or fight): coins_per_second is the slope, start_wealth the intercept, and wealth_after_10_minutes the line's prediction after 600 seconds of play. A simple linear model: read it as a trend, not a promise.
-- chart: table
-- x: players   -- y: coins_per_second
with figures as (
  select player_id,
         max_by(player_wealth, player_version) as wealth,
         min(case when event_type = 'LoggedIn' then occurred_at end) as first_login_at,
         max(case when event_type in ('ItemPurchased', 'PurchaseRefused', 'OrgJoined', 'OrgJoinRefused', 'OrgLeft', 'FightFought') then occurred_at end) as last_action_at,
         sum(case when event_type = 'LoggedIn' then 1 else 0 end) as logins
  from all_events group by player_id
), players as (
  select wealth, cast(date_diff('millisecond', first_login_at, last_action_at) as double) / 1000 as played_seconds
  from figures where logins > 0 and last_action_at is not null
)
select count(*) as players,
       case when count(distinct played_seconds) > 1 then round(regr_slope(wealth, played_seconds), 3) end as coins_per_second,
       case when count(distinct played_seconds) > 1 then round(regr_intercept(wealth, played_seconds), 2) end as start_wealth,
       case when count(distinct played_seconds) > 1 then round(regr_intercept(wealth, played_seconds) + 600 * regr_slope(wealth, played_seconds), 2) end as wealth_after_10_minutes
from players

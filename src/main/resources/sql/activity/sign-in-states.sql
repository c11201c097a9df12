-- Every user and the failed sign-ins the throttle counts against them now: the same rule as
-- recent-sign-in-failures.sql, for all users in one query (the administrator's user list).
select u.username,
       (select count(*) from activity_log f
         where f.username = u.username and f.event = 'SIGN_IN_FAILED' and f.occurred_at > :since
           and f.occurred_at > coalesce(u.sign_in_unlocked_at, :since)
           and f.occurred_at > coalesce((select max(s.occurred_at) from activity_log s
                                         where s.username = u.username and s.event = 'SIGN_IN'),
                                        :since)) as failures
from app_user u

-- Failed sign-ins of one username since :since, since its last successful sign-in and since an
-- administrator last unlocked it (app_user.sign_in_unlocked_at).
select count(*) from activity_log f
where f.username = :username and f.event = 'SIGN_IN_FAILED' and f.occurred_at > :since
  and f.occurred_at > coalesce((select max(s.occurred_at) from activity_log s
                                where s.username = :username and s.event = 'SIGN_IN'),
                               :since)
  and f.occurred_at > coalesce((select max(u.sign_in_unlocked_at) from app_user u
                                where u.username = :username),
                               :since)

//! Failed log-ins and devices in the database: counts that grow, waits that
//! follow them, forgetting after a day, and a bounded number of devices.

use store::{Db, Who, DEVICES_PER_ACCOUNT, THROTTLE_MEMORY};
use time::{Duration, OffsetDateTime};

use crate::on_each_backend;

/// Doubling seconds after two free failures, as the app's rules do.
fn doubling(_: &str, failures: i64) -> Duration {
    match failures - 2 {
        over if over <= 0 => Duration::ZERO,
        over => Duration::seconds(1 << (over - 1)),
    }
}

fn key(s: &str) -> Vec<String> {
    vec![s.to_string()]
}

#[tokio::test]
async fn failures_block_for_growing_waits_and_are_forgotten_after_a_day() {
    on_each_backend(|db: Db| async move {
        let t0 = OffsetDateTime::now_utc();
        let mut waits = Vec::new();
        for n in 0..6 {
            let now = t0 + Duration::seconds(n);
            db.record_login_failure(&key("addr:192.0.2.1"), now, &doubling)
                .await
                .unwrap();
            let until = db
                .login_blocked_until(&key("addr:192.0.2.1"), now)
                .await
                .unwrap();
            // Rounded: PostgreSQL keeps microseconds, not nanoseconds.
            waits.push(until.map_or(0, |u| (u - now).as_seconds_f64().round() as i64));
        }
        assert_eq!(waits, [0, 0, 1, 2, 4, 8]);
        // Another key is not held up by this one.
        assert_eq!(
            db.login_blocked_until(&key("addr:192.0.2.2"), t0)
                .await
                .unwrap(),
            None
        );
        // Of several keys the latest block counts.
        let both = vec!["addr:192.0.2.2".to_string(), "addr:192.0.2.1".to_string()];
        assert!(db
            .login_blocked_until(&both, t0 + Duration::seconds(6))
            .await
            .unwrap()
            .is_some());

        // A day later the count starts again and old rows are gone.
        for n in 0..10 {
            db.record_login_failure(&key(&format!("account:{n}")), t0, &doubling)
                .await
                .unwrap();
        }
        assert_eq!(db.login_throttle_rows().await.unwrap(), 11);
        let later = t0 + THROTTLE_MEMORY + Duration::minutes(1);
        db.record_login_failure(&key("addr:192.0.2.1"), later, &doubling)
            .await
            .unwrap();
        assert_eq!(db.login_throttle_rows().await.unwrap(), 1, "pruned");
        assert_eq!(
            db.login_blocked_until(&key("addr:192.0.2.1"), later)
                .await
                .unwrap(),
            None,
            "counting again from one"
        );
        db.clear_login_failures(&key("addr:192.0.2.1"))
            .await
            .unwrap();
        assert_eq!(db.login_throttle_rows().await.unwrap(), 0);
    })
    .await;
}

#[tokio::test]
async fn an_account_keeps_a_bounded_number_of_live_devices() {
    on_each_backend(|db: Db| async move {
        let user = store::NewUser {
            email: "eigar@sogn.test".into(),
            password_hash: "$argon2id$x".into(),
            role: domain::access::Role::Reader,
            work_packages: vec![],
            municipalities: vec![],
        };
        let id = db.create_user(&Who::cli(), &user).await.unwrap();
        let t0 = OffsetDateTime::now_utc();
        let expires = t0 + Duration::days(180);
        db.add_login_device(
            "expiring",
            id,
            t0 - Duration::days(2),
            t0 - Duration::days(1),
        )
        .await
        .unwrap();
        for n in 0..DEVICES_PER_ACCOUNT + 5 {
            let at = t0 + Duration::seconds(n);
            db.add_login_device(&format!("device-{n}"), id, at, expires)
                .await
                .unwrap();
        }
        assert_eq!(db.login_device_user("expiring", t0).await.unwrap(), None);
        assert_eq!(
            db.login_device_user("device-0", t0).await.unwrap(),
            None,
            "oldest pushed out"
        );
        let newest = format!("device-{}", DEVICES_PER_ACCOUNT + 4);
        assert_eq!(db.login_device_user(&newest, t0).await.unwrap(), Some(id));
        assert_eq!(db.login_device_user("unknown", t0).await.unwrap(), None);
    })
    .await;
}

//! Slows down repeated failed sign-ins, per email address and per client address.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Failures allowed before waiting is imposed.
const FREE_FAILURES_PER_EMAIL: u32 = 5;
/// One address may try many accounts (a shared office), but not endlessly.
const FREE_FAILURES_PER_ADDRESS: u32 = 20;
const FIRST_WAIT: Duration = Duration::from_secs(30);
const LONGEST_WAIT: Duration = Duration::from_secs(15 * 60);
/// Failures older than this are forgotten.
const MEMORY: Duration = Duration::from_secs(60 * 60);
const MAX_TRACKED: usize = 100_000;

#[derive(Clone, Copy)]
struct Failures {
    count: u32,
    last: Instant,
}

/// In memory: a restart forgets failures, which costs an attacker a restart they cannot cause.
#[derive(Default)]
pub struct RateLimiter {
    failures: Mutex<HashMap<String, Failures>>,
}

impl RateLimiter {
    /// How long the caller must still wait before trying `email` from `address`, if at all.
    pub fn wait(&self, email: &str, address: &str, now: Instant) -> Option<Duration> {
        let failures = self.failures.lock().unwrap_or_else(|e| e.into_inner());
        let by_email = failures
            .get(&email_key(email))
            .and_then(|f| remaining(f, FREE_FAILURES_PER_EMAIL, now));
        let by_address = failures
            .get(&address_key(address))
            .and_then(|f| remaining(f, FREE_FAILURES_PER_ADDRESS, now));
        by_email.max(by_address)
    }

    pub fn record_failure(&self, email: &str, address: &str, now: Instant) {
        let mut failures = self.failures.lock().unwrap_or_else(|e| e.into_inner());
        if failures.len() >= MAX_TRACKED {
            failures.retain(|_, f| now.duration_since(f.last) < MEMORY);
        }
        for key in [email_key(email), address_key(address)] {
            let entry = failures.entry(key).or_insert(Failures {
                count: 0,
                last: now,
            });
            if now.duration_since(entry.last) >= MEMORY {
                entry.count = 0;
            }
            entry.count += 1;
            entry.last = now;
        }
    }

    /// A correct password clears the account's record, not the address's.
    pub fn record_success(&self, email: &str) {
        let mut failures = self.failures.lock().unwrap_or_else(|e| e.into_inner());
        failures.remove(&email_key(email));
    }
}

fn email_key(email: &str) -> String {
    format!("email:{email}")
}

fn address_key(address: &str) -> String {
    format!("addr:{address}")
}

/// The wait doubles with every failure past the free ones.
fn remaining(f: &Failures, free: u32, now: Instant) -> Option<Duration> {
    if f.count < free || now.duration_since(f.last) >= MEMORY {
        return None;
    }
    let doublings = (f.count - free).min(10);
    let wait = (FIRST_WAIT * 2u32.pow(doublings)).min(LONGEST_WAIT);
    (f.last + wait)
        .checked_duration_since(now)
        .filter(|d| !d.is_zero())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn five_failures_impose_a_wait_that_grows() {
        let limiter = RateLimiter::default();
        let t0 = Instant::now();
        for _ in 0..4 {
            limiter.record_failure("a@x.nl", "1.2.3.4", t0);
        }
        assert_eq!(limiter.wait("a@x.nl", "1.2.3.4", t0), None);
        limiter.record_failure("a@x.nl", "1.2.3.4", t0);
        assert_eq!(limiter.wait("a@x.nl", "1.2.3.4", t0), Some(FIRST_WAIT));
        assert_eq!(limiter.wait("a@x.nl", "1.2.3.4", t0 + FIRST_WAIT), None);
        limiter.record_failure("a@x.nl", "1.2.3.4", t0 + FIRST_WAIT);
        assert_eq!(
            limiter.wait("a@x.nl", "1.2.3.4", t0 + FIRST_WAIT),
            Some(FIRST_WAIT * 2)
        );
        assert_eq!(limiter.wait("b@x.nl", "5.6.7.8", t0), None);
    }

    #[test]
    fn success_clears_the_account() {
        let limiter = RateLimiter::default();
        let t0 = Instant::now();
        for _ in 0..6 {
            limiter.record_failure("a@x.nl", "1.2.3.4", t0);
        }
        limiter.record_success("a@x.nl");
        assert_eq!(limiter.wait("a@x.nl", "9.9.9.9", t0), None);
    }

    #[test]
    fn one_address_trying_many_accounts_is_slowed() {
        let limiter = RateLimiter::default();
        let t0 = Instant::now();
        for i in 0..FREE_FAILURES_PER_ADDRESS {
            limiter.record_failure(&format!("{i}@x.nl"), "1.2.3.4", t0);
        }
        assert!(limiter.wait("new@x.nl", "1.2.3.4", t0).is_some());
        assert_eq!(limiter.wait("new@x.nl", "4.3.2.1", t0), None);
    }

    #[test]
    fn wait_is_capped() {
        let limiter = RateLimiter::default();
        let t0 = Instant::now();
        for _ in 0..40 {
            limiter.record_failure("a@x.nl", "1.2.3.4", t0);
        }
        assert_eq!(limiter.wait("a@x.nl", "1.2.3.4", t0), Some(LONGEST_WAIT));
    }
}

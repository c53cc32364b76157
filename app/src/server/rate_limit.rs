//! Slows down repeated failed sign-ins, per email address and per client address, limits
//! sign-ups per client address, and pushes and pulls per account.

use governor::{clock::Clock, DefaultKeyedRateLimiter, Quota};
use std::collections::HashMap;
use std::num::NonZeroU32;
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
    /// Takes one attempt for `email` from `address`, or says how long to wait first.
    ///
    /// The attempt counts as a failure at once, under the same lock as the check: attempts made
    /// at the same moment would otherwise all pass the check before any of them was recorded.
    /// A correct password gives it back ([`RateLimiter::succeeded`]).
    ///
    /// From a `known_device` (one that has signed in to the account before) the account's own
    /// count neither applies nor grows: someone guessing elsewhere slows themselves down, not
    /// the account's owner.
    pub fn reserve(
        &self,
        email: &str,
        address: &str,
        known_device: bool,
        now: Instant,
    ) -> Result<(), Duration> {
        let mut failures = self.failures.lock().unwrap_or_else(|e| e.into_inner());
        let by_email = failures
            .get(&email_key(email))
            .filter(|_| !known_device)
            .and_then(|f| remaining(f, FREE_FAILURES_PER_EMAIL, now));
        let by_address = failures
            .get(&address_key(address))
            .and_then(|f| remaining(f, FREE_FAILURES_PER_ADDRESS, now));
        if let Some(wait) = by_email.max(by_address) {
            return Err(wait);
        }
        if failures.len() >= MAX_TRACKED {
            failures.retain(|_, f| now.duration_since(f.last) < MEMORY);
        }
        let keys = [
            Some(address_key(address)),
            (!known_device).then(|| email_key(email)),
        ];
        for key in keys.into_iter().flatten() {
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
        Ok(())
    }

    /// A correct password clears the account's record and gives the address its attempt back.
    /// From a known device the account's record stays: the owner signing in must not hand
    /// someone guessing elsewhere a fresh set of free attempts.
    pub fn succeeded(&self, email: &str, address: &str, known_device: bool) {
        let mut failures = self.failures.lock().unwrap_or_else(|e| e.into_inner());
        if !known_device {
            failures.remove(&email_key(email));
        }
        if let Some(f) = failures.get_mut(&address_key(address)) {
            f.count = f.count.saturating_sub(1);
        }
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

/// Requests one key may make of one kind: a burst, then one more each time a share of the
/// period has passed. Keyed by client address for sign-ups, which hash a password (costly) and
/// tell whether an email has an account (which must not be asked endlessly), and for calendars,
/// which read a relationship's sessions for apps that poll; by account for imports and pulls.
pub struct KeyedLimiter {
    limiter: DefaultKeyedRateLimiter<String>,
    /// Keys remembered before the ones whose quota is full again are dropped.
    most: usize,
}

/// Addresses remembered by a limiter per address.
const MAX_ADDRESSES: usize = 10_000;

impl KeyedLimiter {
    /// `quota` requests an hour, all of them at once if they come so.
    pub fn per_hour(quota: u32) -> Self {
        Self::of(Quota::per_hour(at_least_one(quota)), MAX_ADDRESSES)
    }

    /// How often one account may pull before its pulls wait: a burst (a new device's first
    /// pull comes in parts of 500 changes; a mentor with 30 mentees and a year's history needs
    /// about 30), then a pace above what honest devices make (each pulls when told a partner
    /// pushed, and else once a minute). A pull that reads a long history from the start costs
    /// milliseconds of the server's CPU: one account pulling in a loop on both its turns must
    /// not hold the cores.
    pub fn pulls() -> Self {
        let quota = Quota::per_second(at_least_one(PULLS_PER_SECOND))
            .allow_burst(at_least_one(PULLS_BURST));
        Self::of(quota, MAX_ACCOUNTS)
    }

    fn of(quota: Quota, most: usize) -> Self {
        Self {
            limiter: DefaultKeyedRateLimiter::keyed(quota),
            most,
        }
    }

    /// Takes one request for `key`, or says how long to wait for the next.
    pub fn check(&self, key: &str) -> Result<(), Duration> {
        if self.limiter.len() > self.most {
            self.limiter.retain_recent();
        }
        self.limiter
            .check_key(&key.to_owned())
            .map_err(|not_until| not_until.wait_time_from(self.limiter.clock().now()))
    }
}

const PULLS_BURST: u32 = 60;
const PULLS_PER_SECOND: u32 = 5;

fn at_least_one(n: u32) -> NonZeroU32 {
    NonZeroU32::new(n).unwrap_or(NonZeroU32::MIN)
}

/// What one account may push: a burst of changes and bytes (a device back after weeks offline
/// sends its whole outbox at once), then a steady share. Honest use stays far below: a person
/// typing pushes a few changes a second. One account flooding the server (285 MB in 8 s was
/// measured before this limit) is slowed to its share, and other people's pushes go on.
pub struct PushLimiter {
    changes: DefaultKeyedRateLimiter<String>,
    bytes: DefaultKeyedRateLimiter<String>,
}

/// Changes an account may push at once, and then each second.
const PUSH_CHANGES_BURST: u32 = 2_000;
const PUSH_CHANGES_PER_SECOND: u32 = 50;
/// Bytes of values an account may push at once, and then each second.
const PUSH_BYTES_BURST: u32 = 8 << 20;
const PUSH_BYTES_PER_SECOND: u32 = 256 << 10;
/// Accounts remembered by a limiter per account, before the ones whose share is full again
/// are dropped.
const MAX_ACCOUNTS: usize = 100_000;

impl Default for PushLimiter {
    fn default() -> Self {
        let quota = |per_second: u32, burst: u32| {
            Quota::per_second(at_least_one(per_second)).allow_burst(at_least_one(burst))
        };
        Self {
            changes: DefaultKeyedRateLimiter::keyed(quota(
                PUSH_CHANGES_PER_SECOND,
                PUSH_CHANGES_BURST,
            )),
            bytes: DefaultKeyedRateLimiter::keyed(quota(PUSH_BYTES_PER_SECOND, PUSH_BYTES_BURST)),
        }
    }
}

impl PushLimiter {
    /// Takes `changes` changes of `bytes` bytes from `account`'s share, or says how long to
    /// wait until they fit. Bytes are counted first: a push refused for its bytes takes no
    /// changes, one refused for its changes has had its bytes counted.
    pub fn check(&self, account: &str, changes: u32, bytes: u32) -> Result<(), Duration> {
        if self.changes.len() > MAX_ACCOUNTS {
            self.changes.retain_recent();
            self.bytes.retain_recent();
        }
        let key = account.to_owned();
        let now = self.changes.clock().now();
        let wait = |limiter: &DefaultKeyedRateLimiter<String>, n: u32| {
            let Some(n) = NonZeroU32::new(n) else {
                return Ok(());
            };
            match limiter.check_key_n(&key, n) {
                Ok(Ok(())) => Ok(()),
                Ok(Err(not_until)) => Err(not_until.wait_time_from(now)),
                // More than a whole burst: never fits. A push is smaller (200 changes, 2 MB).
                Err(_) => Err(Duration::from_secs(60)),
            }
        };
        wait(&self.bytes, bytes)?;
        wait(&self.changes, changes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_account_pulling_past_its_burst_waits_for_its_share_and_another_does_not() {
        let limiter = KeyedLimiter::pulls();
        let taken = (0..100).filter(|_| limiter.check("looper").is_ok()).count();
        assert_eq!(taken, 60);
        let wait = limiter.check("looper").unwrap_err();
        assert!(wait <= Duration::from_millis(200), "{wait:?}");
        assert_eq!(limiter.check("someone else"), Ok(()));
    }

    #[test]
    fn an_account_pushing_more_than_its_share_waits_and_another_does_not() {
        let limiter = PushLimiter::default();
        let mut pushed = 0;
        while limiter.check("flooder", 200, 2 << 20).is_ok() {
            pushed += 1;
        }
        assert_eq!(pushed, 4, "8 MB at once, in pushes of 2 MB");
        let wait = limiter.check("flooder", 200, 2 << 20).unwrap_err();
        assert!(
            wait > Duration::from_secs(5) && wait <= Duration::from_secs(9),
            "{wait:?}"
        );
        assert_eq!(limiter.check("someone else", 3, 300), Ok(()));
    }

    #[test]
    fn many_small_changes_are_held_to_the_share_of_changes() {
        let limiter = PushLimiter::default();
        let taken = (0..20)
            .filter(|_| limiter.check("a", 200, 2_000).is_ok())
            .count();
        assert_eq!(taken, 10, "2,000 changes at once");
    }

    #[test]
    fn five_failures_impose_a_wait_that_grows() {
        let limiter = RateLimiter::default();
        let t0 = Instant::now();
        for _ in 0..5 {
            assert_eq!(limiter.reserve("a@x.nl", "1.2.3.4", false, t0), Ok(()));
        }
        assert_eq!(
            limiter.reserve("a@x.nl", "1.2.3.4", false, t0),
            Err(FIRST_WAIT)
        );
        assert_eq!(
            limiter.reserve("a@x.nl", "1.2.3.4", false, t0 + FIRST_WAIT),
            Ok(())
        );
        assert_eq!(
            limiter.reserve("a@x.nl", "1.2.3.4", false, t0 + FIRST_WAIT),
            Err(FIRST_WAIT * 2)
        );
        assert_eq!(limiter.reserve("b@x.nl", "5.6.7.8", false, t0), Ok(()));
    }

    #[test]
    fn attempts_made_at_the_same_moment_get_only_the_free_ones() {
        let limiter = RateLimiter::default();
        let t0 = Instant::now();
        let allowed = (0..40)
            .filter(|_| limiter.reserve("a@x.nl", "1.2.3.4", false, t0).is_ok())
            .count();
        assert_eq!(allowed, FREE_FAILURES_PER_EMAIL as usize);
    }

    #[test]
    fn success_clears_the_account_and_gives_the_address_its_attempt_back() {
        let limiter = RateLimiter::default();
        let t0 = Instant::now();
        for _ in 0..5 {
            limiter.reserve("a@x.nl", "1.2.3.4", false, t0).unwrap();
        }
        limiter.succeeded("a@x.nl", "1.2.3.4", false);
        assert_eq!(limiter.reserve("a@x.nl", "9.9.9.9", false, t0), Ok(()));
        // Many people signing in rightly from one office never slow each other down.
        for i in 0..100 {
            let email = format!("{i}@x.nl");
            limiter.reserve(&email, "5.5.5.5", false, t0).unwrap();
            limiter.succeeded(&email, "5.5.5.5", false);
        }
        assert_eq!(limiter.reserve("new@x.nl", "5.5.5.5", false, t0), Ok(()));
    }

    #[test]
    fn a_device_that_signed_in_before_is_not_held_up_by_guessing_elsewhere() {
        let limiter = RateLimiter::default();
        let t0 = Instant::now();
        for _ in 0..FREE_FAILURES_PER_EMAIL {
            limiter.reserve("a@x.nl", "6.6.6.6", false, t0).unwrap();
        }
        assert!(limiter.reserve("a@x.nl", "1.2.3.4", false, t0).is_err());
        assert_eq!(limiter.reserve("a@x.nl", "1.2.3.4", true, t0), Ok(()));
    }

    #[test]
    fn one_address_trying_many_accounts_is_slowed() {
        let limiter = RateLimiter::default();
        let t0 = Instant::now();
        for i in 0..FREE_FAILURES_PER_ADDRESS {
            limiter
                .reserve(&format!("{i}@x.nl"), "1.2.3.4", false, t0)
                .unwrap();
        }
        assert!(limiter.reserve("new@x.nl", "1.2.3.4", false, t0).is_err());
        assert_eq!(limiter.reserve("new@x.nl", "4.3.2.1", false, t0), Ok(()));
    }

    #[test]
    fn wait_is_capped() {
        let limiter = RateLimiter::default();
        let t0 = Instant::now();
        for i in 0..40 {
            // Each failure after a wait, so that every one counts.
            let _ = limiter.reserve("a@x.nl", "1.2.3.4", false, t0 + LONGEST_WAIT * i);
        }
        assert_eq!(
            limiter.reserve("a@x.nl", "1.2.3.4", false, t0 + LONGEST_WAIT * 39),
            Err(LONGEST_WAIT)
        );
    }
}

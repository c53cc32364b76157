//! When an invite to a relationship can still be used.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

pub const INVITE_LIFETIME_DAYS: i64 = 14;

/// What an invite link does when opened, derived from its history.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum InviteState {
    Open,
    Expired,
    Used,
    Revoked,
    Declined,
}

/// The moments in an invite's life; only one of used/revoked/declined is ever set.
#[derive(Debug, Clone, Copy)]
pub struct InviteTimes {
    pub created_at: DateTime<Utc>,
    pub used_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
    pub declined_at: Option<DateTime<Utc>>,
}

impl InviteTimes {
    pub fn expires_at(&self) -> DateTime<Utc> {
        self.created_at + Duration::days(INVITE_LIFETIME_DAYS)
    }

    /// A final act (use, revoke, decline) outranks expiry: it says more.
    pub fn state(&self, now: DateTime<Utc>) -> InviteState {
        if self.used_at.is_some() {
            InviteState::Used
        } else if self.revoked_at.is_some() {
            InviteState::Revoked
        } else if self.declined_at.is_some() {
            InviteState::Declined
        } else if now >= self.expires_at() {
            InviteState::Expired
        } else {
            InviteState::Open
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fresh(created_at: DateTime<Utc>) -> InviteTimes {
        InviteTimes {
            created_at,
            used_at: None,
            revoked_at: None,
            declined_at: None,
        }
    }

    #[test]
    fn open_until_fourteen_days_then_expired() {
        let t0 = Utc::now();
        let invite = fresh(t0);
        assert_eq!(invite.state(t0), InviteState::Open);
        assert_eq!(
            invite.state(t0 + Duration::days(14) - Duration::seconds(1)),
            InviteState::Open
        );
        assert_eq!(invite.state(t0 + Duration::days(14)), InviteState::Expired);
    }

    #[test]
    fn final_acts_win_over_expiry() {
        let t0 = Utc::now();
        let late = t0 + Duration::days(30);
        assert_eq!(
            InviteTimes {
                used_at: Some(t0),
                ..fresh(t0)
            }
            .state(late),
            InviteState::Used
        );
        assert_eq!(
            InviteTimes {
                revoked_at: Some(t0),
                ..fresh(t0)
            }
            .state(t0),
            InviteState::Revoked
        );
        assert_eq!(
            InviteTimes {
                declined_at: Some(t0),
                ..fresh(t0)
            }
            .state(t0),
            InviteState::Declined
        );
    }
}

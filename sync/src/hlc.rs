//! Hybrid logical clocks: timestamps that follow wall time yet never run backwards across devices.

use serde::{Deserialize, Serialize};
use std::{fmt, str::FromStr};

/// Identifies one device (or the server) so that equal clock readings still order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct NodeId(pub u64);

/// A reading: milliseconds since the Unix epoch, a counter for events within one
/// millisecond, and the node. Ordered by all three, in that order.
///
/// Written as `mmmmmmmmmmmm-cccc-nnnnnnnnnnnnnnnn` (hex, fixed width), so that text
/// comparison — in SQL too — is the same order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Hlc {
    pub millis: u64,
    pub counter: u16,
    pub node: NodeId,
}

/// Timestamps further ahead of the receiver's wall clock are refused: accepting
/// them would let one wrong clock win every later edit.
pub const MAX_DRIFT_MILLIS: u64 = 15 * 60 * 1000;
/// 48 bits of milliseconds reach the year 10889.
const MAX_MILLIS: u64 = (1 << 48) - 1;

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ClockError {
    #[error("timestamp is {ahead_millis} ms ahead of this clock")]
    TooFarAhead { ahead_millis: u64 },
}

impl Hlc {
    pub const ZERO: Hlc = Hlc {
        millis: 0,
        counter: 0,
        node: NodeId(0),
    };
}

impl fmt::Display for Hlc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:012x}-{:04x}-{:016x}",
            self.millis, self.counter, self.node.0
        )
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a clock reading: {0:?}")]
pub struct ParseHlcError(String);

impl FromStr for Hlc {
    type Err = ParseHlcError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || ParseHlcError(s.chars().take(40).collect());
        let mut parts = s.split('-');
        let (Some(m), Some(c), Some(n), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(err());
        };
        if m.len() != 12 || c.len() != 4 || n.len() != 16 {
            return Err(err());
        }
        let hex = |s: &str| {
            if s.bytes()
                .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
            {
                u64::from_str_radix(s, 16).map_err(|_| err())
            } else {
                Err(err())
            }
        };
        Ok(Hlc {
            millis: hex(m)?,
            counter: u16::try_from(hex(c)?).map_err(|_| err())?,
            node: NodeId(hex(n)?),
        })
    }
}

impl Serialize for Hlc {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Hlc {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// The clock of one node. `wall` is passed in so that behaviour is testable. Saved as its
/// last reading alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Clock {
    last: Hlc,
}

impl Clock {
    pub fn new(node: NodeId) -> Self {
        Self {
            last: Hlc { node, ..Hlc::ZERO },
        }
    }

    /// Resumes from the last reading handed out (persisted across restarts).
    pub fn resume(last: Hlc) -> Self {
        Self { last }
    }

    pub fn node(&self) -> NodeId {
        self.last.node
    }

    pub fn last(&self) -> Hlc {
        self.last
    }

    /// A reading later than every reading this clock has made or seen.
    pub fn tick(&mut self, wall: u64) -> Hlc {
        let wall = wall.min(MAX_MILLIS);
        self.last = if wall > self.last.millis {
            Hlc {
                millis: wall,
                counter: 0,
                node: self.last.node,
            }
        } else {
            self.after(self.last.millis, self.last.counter)
        };
        self.last
    }

    /// Takes in a reading from elsewhere, so that the next tick comes after it.
    pub fn observe(&mut self, remote: Hlc, wall: u64) -> Result<(), ClockError> {
        let limit = wall.saturating_add(MAX_DRIFT_MILLIS);
        if remote.millis > limit {
            return Err(ClockError::TooFarAhead {
                ahead_millis: remote.millis - wall,
            });
        }
        self.witness(remote);
        Ok(())
    }

    /// Takes in a reading from a source trusted to have checked it (the server).
    pub fn witness(&mut self, remote: Hlc) {
        if (remote.millis, remote.counter) > (self.last.millis, self.last.counter) {
            self.last = Hlc {
                millis: remote.millis,
                counter: remote.counter,
                node: self.last.node,
            };
        }
    }

    /// The next reading after (millis, counter); a full counter moves to the next millisecond.
    fn after(&self, millis: u64, counter: u16) -> Hlc {
        match counter.checked_add(1) {
            Some(counter) => Hlc {
                millis,
                counter,
                node: self.last.node,
            },
            None => Hlc {
                millis: (millis + 1).min(MAX_MILLIS),
                counter: 0,
                node: self.last.node,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn hlc(millis: u64, counter: u16, node: u64) -> Hlc {
        Hlc {
            millis,
            counter,
            node: NodeId(node),
        }
    }

    #[test]
    fn text_form_round_trips_and_is_fixed_width() {
        let h = hlc(1_764_000_000_000, 7, 0xabc);
        assert_eq!(h.to_string(), "019ab697e800-0007-0000000000000abc");
        assert_eq!(h.to_string().parse::<Hlc>(), Ok(h));
    }

    #[test]
    fn refuses_malformed_text() {
        for s in [
            "",
            "1-2-3",
            "019ab7e1c800-0007-0000000000000ABC",
            "019ab7e1c800-10007-0000000000000abc",
            "019ab7e1c800-0007-0000000000000abc-1",
            "zzzzzzzzzzzz-0007-0000000000000abc",
        ] {
            assert!(s.parse::<Hlc>().is_err(), "{s}");
        }
    }

    #[test]
    fn ticks_follow_wall_time_and_never_go_back() {
        let mut clock = Clock::new(NodeId(1));
        assert_eq!(clock.tick(1000), hlc(1000, 0, 1));
        assert_eq!(clock.tick(1000), hlc(1000, 1, 1));
        assert_eq!(
            clock.tick(900),
            hlc(1000, 2, 1),
            "a wall clock set back does not move us back"
        );
        assert_eq!(clock.tick(2000), hlc(2000, 0, 1));
    }

    #[test]
    fn a_full_counter_moves_to_the_next_millisecond() {
        let mut clock = Clock::resume(hlc(1000, u16::MAX, 1));
        assert_eq!(clock.tick(1000), hlc(1001, 0, 1));
    }

    #[test]
    fn observing_moves_past_remote_readings() {
        let mut clock = Clock::new(NodeId(1));
        clock.observe(hlc(5000, 3, 2), 4000).unwrap();
        assert_eq!(clock.tick(4000), hlc(5000, 4, 1));
    }

    #[test]
    fn refuses_readings_far_in_the_future() {
        let mut clock = Clock::new(NodeId(1));
        let wall = 1_000_000;
        assert!(clock
            .observe(hlc(wall + MAX_DRIFT_MILLIS, 0, 2), wall)
            .is_ok());
        assert_eq!(
            clock.observe(hlc(wall + MAX_DRIFT_MILLIS + 1, 0, 2), wall),
            Err(ClockError::TooFarAhead {
                ahead_millis: MAX_DRIFT_MILLIS + 1
            })
        );
    }

    proptest! {
        #[test]
        fn text_order_is_clock_order(a in any::<(u64, u16, u64)>(), b in any::<(u64, u16, u64)>()) {
            let (a, b) = (hlc(a.0 % MAX_MILLIS, a.1, a.2), hlc(b.0 % MAX_MILLIS, b.1, b.2));
            prop_assert_eq!(a.cmp(&b), a.to_string().cmp(&b.to_string()));
        }

        #[test]
        fn every_tick_is_later_than_all_before(steps in prop::collection::vec((0u64..5000, any::<bool>(), 0u64..5000), 1..50)) {
            let mut clock = Clock::new(NodeId(1));
            let mut seen = Hlc::ZERO;
            for (wall, observe, remote) in steps {
                if observe {
                    let remote = hlc(remote, 0, 2);
                    if clock.observe(remote, wall).is_ok() {
                        seen = seen.max(remote);
                    }
                }
                let t = clock.tick(wall);
                prop_assert!(t > seen);
                seen = t;
            }
        }
    }
}

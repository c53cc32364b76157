//! One declaration per record kind: [`record_kind!`](crate::record_kind) turns a list of typed
//! fields into the schema the server checks, the typed record pages read and typed writes, so
//! that the three can never disagree.

use crate::{
    client::RecordRef,
    replica::Record,
    schema::{instant, number, parse_clock, parse_date, KindSpec, Type, DELETED},
};
use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, Timelike, Utc};
use serde_json::Value;
use std::{fmt::Debug, marker::PhantomData};
use uuid::Uuid;

/// A field's type: the schema's [`Type`], the Rust value a page reads and writes, and the way
/// between the two. A value the type accepts always reads (a property test holds every kind's
/// fields to it), so a record the server stores never vanishes from a page.
pub trait FieldType {
    type Value: Clone + PartialEq + Debug;
    const TYPE: Type;
    /// What a value the type accepted holds.
    fn read(value: &Value) -> Option<Self::Value>;
    /// What the field holds while it is not set; none for a required field.
    fn unset() -> Option<Self::Value>;
    fn write(value: Self::Value) -> Value;
}

/// A field as a page reads it: a value the type refuses (stored under older rules) reads as
/// not set.
pub fn read_field<T: FieldType>(value: Option<&Value>) -> Option<T::Value> {
    match value {
        Some(v) if T::TYPE.check(v).is_ok() => T::read(v),
        _ => T::unset(),
    }
}

/// A closed set of words, such as a role or a meeting frequency: see [`choice!`](crate::choice).
pub trait Choice: Copy + PartialEq + Debug + 'static {
    /// Every choice, in the order they are offered.
    const ALL: &'static [Self];
    /// Each choice's word, as stored, in the same order.
    const NAMES: &'static [&'static str];
    fn index(self) -> usize;

    fn as_str(self) -> &'static str {
        Self::NAMES[self.index()]
    }

    fn parse(word: &str) -> Option<Self> {
        Self::NAMES
            .iter()
            .position(|n| *n == word)
            .map(|i| Self::ALL[i])
    }
}

/// Declares an enum of choices and its words: `choice! { pub enum Fit { Good = "good", … } }`.
#[macro_export]
macro_rules! choice {
    ($(#[$meta:meta])* $vis:vis enum $Name:ident { $($(#[$vmeta:meta])* $Variant:ident = $word:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        $vis enum $Name { $($(#[$vmeta])* $Variant),+ }

        impl $crate::declare::Choice for $Name {
            const ALL: &'static [Self] = &[$($Name::$Variant),+];
            const NAMES: &'static [&'static str] = &[$($word),+];
            fn index(self) -> usize {
                self as usize
            }
        }
    };
}

/// A one-line text of at most `MAX` characters, required.
pub struct Text<const MAX: usize>;
/// A text of at most `MAX` characters, lines too, empty when not set.
pub struct Notes<const MAX: usize>;
/// One of a [`Choice`], required.
pub struct One<C>(PhantomData<C>);
/// One of a [`Choice`], or none yet.
pub struct Maybe<C>(PhantomData<C>);
/// A calendar day, required.
pub struct Date;
pub struct OptDate;
/// An instant, required.
pub struct Instant;
pub struct OptInstant;
/// A time of day on the pair's wall clock, or none.
pub struct OptClock;
/// Yes or no; no when not set.
pub struct Flag;
/// A whole number from `MIN` to `MAX`, required.
pub struct Int<const MIN: u32, const MAX: u32>;
pub struct OptInt<const MIN: u32, const MAX: u32>;
/// A measure, or none.
pub struct OptNumber;
/// Another record of the relationship, required.
pub struct Link;
pub struct OptLink;

impl<const MAX: usize> FieldType for Text<MAX> {
    type Value = String;
    const TYPE: Type = Type::Text { max: MAX };
    fn read(value: &Value) -> Option<String> {
        value.as_str().map(str::to_owned)
    }
    fn unset() -> Option<String> {
        None
    }
    fn write(value: String) -> Value {
        Value::String(value)
    }
}

impl<const MAX: usize> FieldType for Notes<MAX> {
    type Value = String;
    const TYPE: Type = Type::Notes { max: MAX };
    fn read(value: &Value) -> Option<String> {
        value.as_str().map(str::to_owned)
    }
    fn unset() -> Option<String> {
        Some(String::new())
    }
    fn write(value: String) -> Value {
        Value::String(value)
    }
}

impl<C: Choice> FieldType for One<C> {
    type Value = C;
    const TYPE: Type = Type::OneOf(C::NAMES);
    fn read(value: &Value) -> Option<C> {
        value.as_str().and_then(C::parse)
    }
    fn unset() -> Option<C> {
        None
    }
    fn write(value: C) -> Value {
        Value::from(value.as_str())
    }
}

impl<C: Choice> FieldType for Maybe<C> {
    type Value = Option<C>;
    const TYPE: Type = Type::OptionalOneOf(C::NAMES);
    fn read(value: &Value) -> Option<Option<C>> {
        match value {
            Value::Null => Some(None),
            v => v.as_str().and_then(C::parse).map(Some),
        }
    }
    fn unset() -> Option<Option<C>> {
        Some(None)
    }
    fn write(value: Option<C>) -> Value {
        value.map_or(Value::Null, |c| Value::from(c.as_str()))
    }
}

/// `YYYY-MM-DD`, written by hand as dates are read.
pub fn date_text(day: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", day.year(), day.month(), day.day())
}

impl FieldType for Date {
    type Value = NaiveDate;
    const TYPE: Type = Type::Date;
    fn read(value: &Value) -> Option<NaiveDate> {
        value.as_str().and_then(parse_date)
    }
    fn unset() -> Option<NaiveDate> {
        None
    }
    fn write(value: NaiveDate) -> Value {
        Value::String(date_text(value))
    }
}

impl FieldType for OptDate {
    type Value = Option<NaiveDate>;
    const TYPE: Type = Type::OptionalDate;
    fn read(value: &Value) -> Option<Option<NaiveDate>> {
        match value {
            Value::Null => Some(None),
            v => v.as_str().and_then(parse_date).map(Some),
        }
    }
    fn unset() -> Option<Option<NaiveDate>> {
        Some(None)
    }
    fn write(value: Option<NaiveDate>) -> Value {
        value.map_or(Value::Null, |d| Value::String(date_text(d)))
    }
}

impl FieldType for Instant {
    type Value = DateTime<Utc>;
    const TYPE: Type = Type::Time;
    fn read(value: &Value) -> Option<DateTime<Utc>> {
        instant(value)
    }
    fn unset() -> Option<DateTime<Utc>> {
        None
    }
    fn write(value: DateTime<Utc>) -> Value {
        Value::from(value.timestamp_millis())
    }
}

impl FieldType for OptInstant {
    type Value = Option<DateTime<Utc>>;
    const TYPE: Type = Type::OptionalTime;
    fn read(value: &Value) -> Option<Option<DateTime<Utc>>> {
        match value {
            Value::Null => Some(None),
            v => instant(v).map(Some),
        }
    }
    fn unset() -> Option<Option<DateTime<Utc>>> {
        Some(None)
    }
    fn write(value: Option<DateTime<Utc>>) -> Value {
        value.map_or(Value::Null, |t| Value::from(t.timestamp_millis()))
    }
}

/// `HH:MM`.
pub fn clock_text(time: NaiveTime) -> String {
    format!("{:02}:{:02}", time.hour(), time.minute())
}

impl FieldType for OptClock {
    type Value = Option<NaiveTime>;
    const TYPE: Type = Type::OptionalClock;
    fn read(value: &Value) -> Option<Option<NaiveTime>> {
        match value {
            Value::Null => Some(None),
            v => v.as_str().and_then(parse_clock).map(Some),
        }
    }
    fn unset() -> Option<Option<NaiveTime>> {
        Some(None)
    }
    fn write(value: Option<NaiveTime>) -> Value {
        value.map_or(Value::Null, |t| Value::String(clock_text(t)))
    }
}

impl FieldType for Flag {
    type Value = bool;
    const TYPE: Type = Type::Bool;
    fn read(value: &Value) -> Option<bool> {
        value.as_bool()
    }
    fn unset() -> Option<bool> {
        Some(false)
    }
    fn write(value: bool) -> Value {
        Value::Bool(value)
    }
}

impl<const MIN: u32, const MAX: u32> FieldType for Int<MIN, MAX> {
    type Value = u32;
    const TYPE: Type = Type::Int { min: MIN, max: MAX };
    fn read(value: &Value) -> Option<u32> {
        value.as_u64().and_then(|n| u32::try_from(n).ok())
    }
    fn unset() -> Option<u32> {
        None
    }
    fn write(value: u32) -> Value {
        Value::from(value)
    }
}

impl<const MIN: u32, const MAX: u32> FieldType for OptInt<MIN, MAX> {
    type Value = Option<u32>;
    const TYPE: Type = Type::OptionalInt { min: MIN, max: MAX };
    fn read(value: &Value) -> Option<Option<u32>> {
        match value {
            Value::Null => Some(None),
            v => v.as_u64().and_then(|n| u32::try_from(n).ok()).map(Some),
        }
    }
    fn unset() -> Option<Option<u32>> {
        Some(None)
    }
    fn write(value: Option<u32>) -> Value {
        value.map_or(Value::Null, Value::from)
    }
}

impl FieldType for OptNumber {
    type Value = Option<f64>;
    const TYPE: Type = Type::OptionalNumber;
    fn read(value: &Value) -> Option<Option<f64>> {
        match value {
            Value::Null => Some(None),
            v => number(v).map(Some),
        }
    }
    fn unset() -> Option<Option<f64>> {
        Some(None)
    }
    fn write(value: Option<f64>) -> Value {
        value.map_or(Value::Null, Value::from)
    }
}

impl FieldType for Link {
    type Value = Uuid;
    const TYPE: Type = Type::Ref;
    fn read(value: &Value) -> Option<Uuid> {
        value.as_str().and_then(|s| Uuid::parse_str(s).ok())
    }
    fn unset() -> Option<Uuid> {
        None
    }
    fn write(value: Uuid) -> Value {
        Value::String(value.to_string())
    }
}

impl FieldType for OptLink {
    type Value = Option<Uuid>;
    const TYPE: Type = Type::OptionalRef;
    fn read(value: &Value) -> Option<Option<Uuid>> {
        match value {
            Value::Null => Some(None),
            v => v.as_str().and_then(|s| Uuid::parse_str(s).ok()).map(Some),
        }
    }
    fn unset() -> Option<Option<Uuid>> {
        Some(None)
    }
    fn write(value: Option<Uuid>) -> Value {
        value.map_or(Value::Null, |id| Value::String(id.to_string()))
    }
}

/// A record kind declared with [`record_kind!`](crate::record_kind).
pub trait RecordKind: Sized + 'static {
    /// The schema the server checks.
    const SPEC: &'static KindSpec;
    /// A write of one of its fields.
    type Write: Write<Kind = Self>;
    /// A live record; none for a deleted one or one still missing a field it needs (its
    /// changes may arrive in separate pulls).
    fn read(id: Uuid, record: &Record) -> Option<Self>;

    /// The record `id` as `replica` has it: none while it is missing, deleted, of another
    /// kind or privacy, or unreadable.
    fn find(replica: &crate::Replica, id: Uuid) -> Option<Self> {
        replica
            .get(&id)
            .filter(|r| r.kind == Self::SPEC.kind && r.private == Self::SPEC.private)
            .and_then(|r| Self::read(id, r))
    }

    /// The record `id` of `relationship`, to write to.
    fn at(id: Uuid, relationship: Uuid) -> Target<Self> {
        Target {
            id,
            relationship,
            kind: PhantomData,
        }
    }
}

/// A kind whose records can be deleted (they carry the tombstone [`DELETED`]).
pub trait Deletable: RecordKind {}

/// A write of one field, typed by its kind: a field of another kind, or a text where a number
/// belongs, does not compile.
pub trait Write {
    type Kind: RecordKind;
    /// The field's name and value as they travel.
    fn field(self) -> (&'static str, Value);
}

/// Checks a write as the server will, so that an error shows at the field at once.
pub fn check<W: Write + Clone>(write: &W) -> Option<crate::Rejection> {
    let (field, value) = write.clone().field();
    crate::schema::check_value(W::Kind::SPEC, field, &value).err()
}

/// A record to write to, of kind `K`.
pub struct Target<K> {
    pub id: Uuid,
    pub relationship: Uuid,
    kind: PhantomData<fn() -> K>,
}

impl<K> Clone for Target<K> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<K> Copy for Target<K> {}

impl<K: RecordKind> Target<K> {
    /// The record as the sync core addresses it: its kind and privacy are the kind's own.
    pub fn untyped(self) -> RecordRef {
        RecordRef {
            id: self.id,
            relationship: self.relationship,
            kind: K::SPEC.kind.clone(),
            private: K::SPEC.private,
        }
    }
}

/// The changes that make `writes` to the record `id` of `relationship`, stamped `hlc` and on
/// (a counter step apart): what a device sends for them. For tests, and anything else that
/// applies typed writes to a replica directly.
pub fn changes<W: Write>(
    id: Uuid,
    relationship: Uuid,
    writes: impl IntoIterator<Item = W>,
    hlc: crate::Hlc,
) -> Vec<crate::Change> {
    let spec = <W::Kind as RecordKind>::SPEC;
    writes
        .into_iter()
        .enumerate()
        .map(|(n, write)| {
            let (field, value) = write.field();
            crate::Change {
                record: id,
                relationship,
                kind: spec.kind.clone(),
                private: spec.private,
                field: field.to_owned(),
                value,
                hlc: crate::Hlc {
                    counter: hlc.counter + n as u16,
                    ..hlc
                },
            }
        })
        .collect()
}

/// Whether the server keeps the record `id` of `relationship` that `maker` (their role) makes
/// with `writes` (`schema::check_new`): what a device derives and writes, checked as the server
/// will.
pub fn check_made<W: Write>(
    id: Uuid,
    relationship: Uuid,
    maker: &str,
    writes: impl IntoIterator<Item = W>,
) -> Result<(), crate::Rejection> {
    let fields: Vec<(&str, Value)> = writes.into_iter().map(Write::field).collect();
    let value = |name: &str| {
        fields
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.clone())
    };
    crate::schema::check_new(
        <W::Kind as RecordKind>::SPEC,
        id,
        relationship,
        maker,
        value,
    )
}

/// The change that deletes the record `id` of `relationship`, of kind `K`.
pub fn deletion<K: Deletable>(id: Uuid, relationship: Uuid, hlc: crate::Hlc) -> crate::Change {
    crate::Change {
        record: id,
        relationship,
        kind: K::SPEC.kind.clone(),
        private: K::SPEC.private,
        field: DELETED.to_owned(),
        value: Value::Bool(true),
        hlc,
    }
}

/// Whether a stored record is deleted.
pub fn deleted(record: &Record) -> bool {
    record.get(DELETED) == Some(&Value::Bool(true))
}

/// Declares a record kind once: its field enum, the [`KindSpec`] the server checks, the typed
/// record with its reader, typed writes, and the constructor of a new record with the fields it
/// cannot be read without.
///
/// ```ignore
/// record_kind! {
///     /// Something to do.
///     pub struct Task {
///         kind: "task", fields: Field, writes: Set,
///         private: false, deletable: true, id: IdRule::Random,
///         owner: [Owner], label: [Title],
///     }
///     required {
///         title Title: Text<200> = Both,
///         owner Owner: One<Role> = OwnerOrCreator,
///     }
///     optional {
///         due Due: OptDate = Both,
///     }
/// }
/// ```
/// A field's name is its Rust name (`title`), written once. A required field's type must be
/// one without a default ([`Type::required`]), an optional one's one with: the compiler checks.
#[macro_export]
macro_rules! record_kind {
    (
        $(#[$meta:meta])*
        $vis:vis struct $Record:ident {
            kind: $name:literal,
            fields: $Field:ident,
            writes: $Write:ident,
            private: $private:expr,
            deletable: $deletable:tt,
            id: $id:expr,
            owner: [$($owner:ident)?],
            label: [$($label:ident)?]
            $(, after_end: $after_end:literal)? $(,)?
        }
        required {
            $( $(#[$rmeta:meta])* $rfield:ident $RVariant:ident : $RTy:ty = $rwriter:ident ),* $(,)?
        }
        optional {
            $( $(#[$ometa:meta])* $ofield:ident $OVariant:ident : $OTy:ty = $owriter:ident ),* $(,)?
        }
    ) => {
        #[doc = concat!("The fields of a `", $name, "` record.")]
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        $vis enum $Field {
            $( $RVariant, )*
            $( $OVariant, )*
        }

        impl $Field {
            pub const ALL: &'static [$Field] = &[$( $Field::$RVariant, )* $( $Field::$OVariant, )*];

            /// The field's name as it travels and is stored.
            pub const fn name(self) -> &'static str {
                match self {
                    $( $Field::$RVariant => stringify!($rfield), )*
                    $( $Field::$OVariant => stringify!($ofield), )*
                }
            }
        }

        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq)]
        $vis struct $Record {
            pub id: $crate::__private::Uuid,
            $( $(#[$rmeta])* pub $rfield: <$RTy as $crate::declare::FieldType>::Value, )*
            $( $(#[$ometa])* pub $ofield: <$OTy as $crate::declare::FieldType>::Value, )*
        }

        #[doc = concat!("A write of one field of a `", $name, "` record.")]
        #[derive(Debug, Clone, PartialEq)]
        $vis enum $Write {
            $( $RVariant(<$RTy as $crate::declare::FieldType>::Value), )*
            $( $OVariant(<$OTy as $crate::declare::FieldType>::Value), )*
        }

        impl $crate::declare::Write for $Write {
            type Kind = $Record;
            fn field(self) -> (&'static str, $crate::__private::Value) {
                use $crate::declare::FieldType as _;
                match self {
                    $( $Write::$RVariant(v) => (stringify!($rfield), <$RTy>::write(v)), )*
                    $( $Write::$OVariant(v) => (stringify!($ofield), <$OTy>::write(v)), )*
                }
            }
        }

        impl $Record {
            /// The writes that make a new record: every field it cannot be read without.
            #[allow(clippy::too_many_arguments, dead_code)]
            pub fn new($( $rfield: <$RTy as $crate::declare::FieldType>::Value ),*) -> Vec<$Write> {
                vec![$( $Write::$RVariant($rfield) ),*]
            }

            /// Every field as it stands, as writes: the record again, whole.
            #[allow(dead_code)]
            pub fn to_writes(&self) -> Vec<$Write> {
                vec![
                    $( $Write::$RVariant(self.$rfield.clone()), )*
                    $( $Write::$OVariant(self.$ofield.clone()), )*
                ]
            }
        }

        impl $crate::declare::RecordKind for $Record {
            const SPEC: &'static $crate::schema::KindSpec = &$crate::schema::KindSpec {
                kind: $crate::schema::Kind::named($name),
                fields: $crate::record_kind!(@fields $deletable;
                    $( $crate::schema::spec(stringify!($rfield), <$RTy as $crate::declare::FieldType>::TYPE, $crate::schema::Writer::$rwriter), )*
                    $( $crate::schema::spec(stringify!($ofield), <$OTy as $crate::declare::FieldType>::TYPE, $crate::schema::Writer::$owriter), )*
                ),
                private: $private,
                id: $id,
                owner: $crate::record_kind!(@name $Field $($owner)?),
                label: $crate::record_kind!(@name $Field $($label)?),
                after_end: $crate::record_kind!(@flag $($after_end)?),
            };
            type Write = $Write;

            fn read(
                id: $crate::__private::Uuid,
                record: &$crate::replica::Record,
            ) -> Option<Self> {
                if $crate::declare::deleted(record) {
                    return None;
                }
                Some(Self {
                    id,
                    $( $rfield: $crate::declare::read_field::<$RTy>(record.get(stringify!($rfield)))?, )*
                    $( $ofield: $crate::declare::read_field::<$OTy>(record.get(stringify!($ofield)))?, )*
                })
            }
        }

        $crate::record_kind!(@deletable $deletable $Record);

        const _: () = {
            $( assert!(
                <$RTy as $crate::declare::FieldType>::TYPE.required(),
                concat!(stringify!($rfield), " has a default: declare it optional")
            ); )*
            $( assert!(
                !<$OTy as $crate::declare::FieldType>::TYPE.required(),
                concat!(stringify!($ofield), " has no default: declare it required")
            ); )*
        };
    };
    (@fields true; $( $f:expr, )*) => {
        &[$( $f, )* $crate::schema::spec($crate::schema::DELETED, $crate::schema::Type::Bool, $crate::schema::Writer::Both)]
    };
    (@fields false; $( $f:expr, )*) => { &[$( $f, )*] };
    (@flag) => { false };
    (@flag $v:literal) => { $v };
    (@name $F:ident) => { None };
    (@name $F:ident $v:ident) => { Some($F::$v.name()) };
    (@deletable true $R:ident) => { impl $crate::declare::Deletable for $R {} };
    (@deletable false $R:ident) => {};
}

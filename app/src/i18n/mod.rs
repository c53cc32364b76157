//! English and Dutch: the locale in use and every visible string in both languages.

mod shared;

pub use shared::Msg;

/// One visible text in both languages. Each table of messages (the shared one here, and one
/// per feature) is a `messages!` block; every message is a constant of this one type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Message(&'static [&'static str; 2]);

impl Message {
    #[doc(hidden)]
    pub const fn new(texts: &'static [&'static str; 2]) -> Self {
        Self(texts)
    }

    pub fn text(self, locale: Locale) -> &'static str {
        self.0[locale as usize]
    }
}

/// Declares a table of messages, English then Dutch: `messages! { Name { Key => "en", "nl"; } }`
/// gives the constants `Name::Key`. A missing translation does not compile, an unused message
/// is a warning, and a test checks that both languages fill the same placeholders.
macro_rules! messages {
    ($name:ident { $($key:ident => $en:literal, $nl:literal;)* }) => {
        pub struct $name;

        #[allow(non_upper_case_globals)]
        impl $name {
            $(pub(crate) const $key: $crate::i18n::Message = $crate::i18n::Message::new(&[$en, $nl]);)*
        }

        #[test]
        fn every_message_has_both_languages_and_the_same_placeholders() {
            $($crate::i18n::check_message(stringify!($key), $name::$key);)*
        }
    };
}

pub(crate) use messages;

/// Both languages present, with the same number of `{}` placeholders.
#[cfg(test)]
pub(crate) fn check_message(key: &str, message: Message) {
    let (en, nl) = (message.text(Locale::En), message.text(Locale::Nl));
    assert!(!en.is_empty() && !nl.is_empty(), "{key}");
    assert_eq!(en.matches("{}").count(), nl.matches("{}").count(), "{key}");
}

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, Timelike, Utc};
use leptos::prelude::*;

/// Remembers the reader's choice across visits; read by the server to render in that language.
pub const COOKIE: &str = "tandem_lang";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Locale {
    // The discriminants are the columns of the message table.
    #[default]
    En = 0,
    Nl = 1,
}

impl Locale {
    pub const ALL: [Locale; 2] = [Locale::En, Locale::Nl];

    pub fn code(self) -> &'static str {
        match self {
            Self::En => "en",
            Self::Nl => "nl",
        }
    }

    /// Each language is named in itself, so a reader can find their own.
    pub fn native_name(self) -> &'static str {
        match self {
            Self::En => "English",
            Self::Nl => "Nederlands",
        }
    }

    /// One of our own codes exactly, as the page and the picker write them.
    pub fn from_own_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|l| l.code() == code)
    }

    /// A language tag from outside (cookie, header), tolerant of region and case.
    pub fn from_code(code: &str) -> Option<Self> {
        let primary = code.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Self::En),
            "nl" => Some(Self::Nl),
            _ => None,
        }
    }

    /// The first supported language in an Accept-Language header, by preference weight.
    pub fn from_accept_language(header: &str) -> Option<Self> {
        let mut ranked: Vec<(f32, Locale)> = header
            .split(',')
            .filter_map(|item| {
                let mut parts = item.split(';');
                let locale = Self::from_code(parts.next()?)?;
                let q = parts
                    .find_map(|p| p.trim().strip_prefix("q="))
                    .and_then(|q| q.parse::<f32>().ok())
                    .unwrap_or(1.0);
                Some((q, locale))
            })
            .filter(|(q, _)| *q > 0.0)
            .collect();
        ranked.sort_by(|a, b| b.0.total_cmp(&a.0));
        ranked.first().map(|(_, l)| *l)
    }

    /// A date as people write it in this language, e.g. "27 Nov 2026" / "27 nov. 2026".
    pub fn date(self, at: DateTime<Utc>) -> String {
        const EN: [&str; 12] = [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ];
        const NL: [&str; 12] = [
            "jan.", "feb.", "mrt.", "apr.", "mei", "jun.", "jul.", "aug.", "sep.", "okt.", "nov.",
            "dec.",
        ];
        let month = at.month0() as usize;
        let name = match self {
            Self::En => EN[month],
            Self::Nl => NL[month],
        };
        format!("{} {} {}", at.day(), name, at.year())
    }

    /// A moment in the reader's own time, as near as is natural: "today, 14:05",
    /// "yesterday, 09:30", "27 Nov, 14:05" this year, else with the year.
    pub fn moment(self, at: NaiveDateTime, today: NaiveDate) -> String {
        let time = format!("{:02}:{:02}", at.hour(), at.minute());
        let day = at.date();
        let when = if day == today {
            Msg::Today.text(self).to_owned()
        } else if today.pred_opt() == Some(day) {
            Msg::Yesterday.text(self).to_owned()
        } else {
            let date = self.date(at.and_utc());
            if day.year() == today.year() {
                // Drop the year: "27 Nov 2026" → "27 Nov".
                date.rsplit_once(' ')
                    .map_or(date.clone(), |(d, _)| d.to_owned())
            } else {
                date
            }
        };
        format!("{when}, {time}")
    }
}

/// The reactive locale, shared through context by the whole app.
#[derive(Clone, Copy)]
pub struct I18n {
    locale: RwSignal<Locale>,
}

impl I18n {
    pub fn new(initial: Locale) -> Self {
        Self {
            locale: RwSignal::new(initial),
        }
    }

    pub fn locale(self) -> Locale {
        // A server function's response may be written after its page's owner, and the locale
        // with it, was disposed: the default language then, not a panic. In the browser the
        // plain read is 0.3 KB smaller on Today, and the page's owner outlives every read.
        #[cfg(feature = "ssr")]
        return self.locale.try_get().unwrap_or_default();
        #[cfg(not(feature = "ssr"))]
        self.locale.get()
    }

    pub fn t(self, msg: Message) -> &'static str {
        msg.text(self.locale())
    }

    /// A message as a reactive text. Every message shares this one closure type, so the view
    /// code that renders and updates a translated text exists once in the wasm, not per use.
    pub fn tr(self, msg: Message) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        move || self.t(msg)
    }

    /// The message with its `{}` placeholders filled in order.
    pub fn fmt(self, msg: Message, args: &[&str]) -> String {
        fill(self.t(msg), args)
    }

    pub fn date(self, at: DateTime<Utc>) -> String {
        self.locale().date(at)
    }

    /// A calendar day (a due date, a session's day), written as [`I18n::date`] writes dates.
    pub fn day(self, day: NaiveDate) -> String {
        self.date(day.and_hms_opt(12, 0, 0).unwrap_or_default().and_utc())
    }

    pub fn moment(self, at: NaiveDateTime, today: NaiveDate) -> String {
        self.locale().moment(at, today)
    }

    /// Switches language now and remembers it for a year.
    pub fn set(self, locale: Locale) {
        self.locale.set(locale);
        #[cfg(feature = "hydrate")]
        remember(locale);
    }
}

/// Fills `{}` placeholders in order. Scans for `{` by character: splitting on the string
/// `"{}"` would bring the general substring searcher into the browser bundle.
pub fn fill(template: &str, args: &[&str]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut args = args.iter();
    let mut rest = template;
    while let Some(at) = rest.find('{') {
        out.push_str(&rest[..at]);
        if rest[at..].starts_with("{}") {
            out.push_str(args.next().copied().unwrap_or_default());
            rest = &rest[at + 2..];
        } else {
            out.push('{');
            rest = &rest[at + 1..];
        }
    }
    out.push_str(rest);
    out
}

pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}

/// The reader's language for an answer written outside a page (a file, an import's answer):
/// the language they chose, else their browser's.
#[cfg(feature = "ssr")]
pub fn locale_of(headers: &http::HeaderMap) -> Locale {
    crate::server::session::cookie_in(headers, COOKIE)
        .as_deref()
        .and_then(Locale::from_code)
        .or_else(|| {
            headers
                .get(http::header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .and_then(Locale::from_accept_language)
        })
        .unwrap_or_default()
}

/// On the server: the cookie, else Accept-Language. In the browser: what the
/// server rendered into `<html lang>`, so hydration renders the same text.
pub fn initial_locale() -> Locale {
    #[cfg(feature = "ssr")]
    {
        let cookie = crate::server::session::request_cookie(COOKIE);
        let header = use_context::<http::request::Parts>().and_then(|p| {
            p.headers
                .get(http::header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned)
        });
        cookie
            .as_deref()
            .and_then(Locale::from_code)
            .or_else(|| header.as_deref().and_then(Locale::from_accept_language))
            .unwrap_or_default()
    }
    #[cfg(not(feature = "ssr"))]
    {
        document()
            .document_element()
            .and_then(|html| html.get_attribute("lang"))
            .as_deref()
            .and_then(Locale::from_own_code)
            .unwrap_or_default()
    }
}

#[cfg(feature = "hydrate")]
fn remember(locale: Locale) {
    use wasm_bindgen::JsCast;
    if let Ok(doc) = document().dyn_into::<web_sys::HtmlDocument>() {
        let cookie = format!(
            "{COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax",
            locale.code()
        );
        let _ = doc.set_cookie(&cookie);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_follows_weights() {
        assert_eq!(
            Locale::from_accept_language("nl-NL,nl;q=0.9,en;q=0.8"),
            Some(Locale::Nl)
        );
        assert_eq!(
            Locale::from_accept_language("de-DE,en;q=0.5,nl;q=0.7"),
            Some(Locale::Nl)
        );
        assert_eq!(
            Locale::from_accept_language("en-GB,en;q=0.9"),
            Some(Locale::En)
        );
        assert_eq!(Locale::from_accept_language("de,fr"), None);
        assert_eq!(
            Locale::from_accept_language("nl;q=0,en;q=0.1"),
            Some(Locale::En)
        );
    }

    #[test]
    fn placeholders_fill_in_order() {
        assert_eq!(
            fill("Added by {} on {}", &["you", "5 Mar"]),
            "Added by you on 5 Mar"
        );
        assert_eq!(fill("{} pending", &["3"]), "3 pending");
        assert_eq!(fill("no args {}", &[]), "no args ");
        assert_eq!(fill("a { b {}", &["c"]), "a { b c");
        assert_eq!(fill("Van je {}", &["mentor"]), "Van je mentor");
    }

    #[test]
    fn own_codes_are_read_exactly() {
        assert_eq!(Locale::from_own_code("nl"), Some(Locale::Nl));
        assert_eq!(Locale::from_own_code("en"), Some(Locale::En));
        assert_eq!(Locale::from_own_code("nl-NL"), None);
        for locale in Locale::ALL {
            assert_eq!(Locale::from_own_code(locale.code()), Some(locale));
            assert_eq!(Locale::from_code(locale.code()), Some(locale));
        }
    }

    #[test]
    fn moments_are_relative_when_near_and_dated_when_not() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
        let at = |y, m, d| {
            NaiveDate::from_ymd_opt(y, m, d)
                .unwrap()
                .and_hms_opt(14, 5, 0)
                .unwrap()
        };
        assert_eq!(Locale::En.moment(at(2026, 11, 27), today), "today, 14:05");
        assert_eq!(Locale::Nl.moment(at(2026, 11, 27), today), "vandaag, 14:05");
        assert_eq!(
            Locale::En.moment(at(2026, 11, 26), today),
            "yesterday, 14:05"
        );
        assert_eq!(
            Locale::Nl.moment(at(2026, 11, 26), today),
            "gisteren, 14:05"
        );
        assert_eq!(Locale::En.moment(at(2026, 3, 5), today), "5 Mar, 14:05");
        assert_eq!(Locale::Nl.moment(at(2026, 3, 5), today), "5 mrt., 14:05");
        assert_eq!(
            Locale::En.moment(at(2025, 12, 31), today),
            "31 Dec 2025, 14:05"
        );
    }

    #[test]
    fn dates_read_naturally() {
        let at = DateTime::parse_from_rfc3339("2026-03-05T10:00:00Z")
            .unwrap()
            .to_utc();
        assert_eq!(Locale::En.date(at), "5 Mar 2026");
        assert_eq!(Locale::Nl.date(at), "5 mrt. 2026");
    }
}

//! What `POST /api/import` answers: what came back, or the first thing refused, each with its
//! words in the reader's language written here, so that the page only shows them (the words and
//! their formatting stay out of the bundle).

use crate::{
    i18n::{fill, I18n, Locale, Msg},
    sync::Rejection,
    ui::form::rejection_text,
};
use serde::Serialize;
use uuid::Uuid;

/// The first thing wrong with a file, or with bringing it back here. Nothing of it is kept.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "problem", rename_all = "snake_case")]
pub enum ImportProblem {
    /// Not JSON, or JSON without an export's shape.
    NotAnExport,
    /// An export of a format version this server does not read.
    OtherFormat {
        format: String,
    },
    TooLarge,
    /// The relationship at this place in the file (from 1) lacks a fact or has a wrong one.
    BadRelationship {
        index: usize,
    },
    /// A relationship of the file is here already, and the importer is not its member in the
    /// role the file gives them.
    Taken {
        relationship: Uuid,
    },
    /// The record at this place (from 1) of a relationship's records is refused: a field's
    /// value or clock (`field`), or the record as a whole.
    BadRecord {
        relationship: Uuid,
        index: usize,
        field: Option<String>,
        rejection: Option<Rejection>,
    },
    /// A relationship here with a partner who is a person here: it changes by syncing, and a
    /// file would put words in the partner's name. A file that changes nothing of it is fine.
    Shared {
        relationship: Uuid,
    },
    /// A record id the file holds more than once.
    Twice {
        record: Uuid,
    },
    /// A record id of the file is another relationship's record, or another person's.
    RecordTaken {
        record: Uuid,
    },
    /// More than the server keeps for one person in a relationship.
    Full {
        relationship: Uuid,
    },
    /// Too many imports in the last hour.
    TooMany,
    SignIn,
}

/// What an import brought back.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Imported {
    pub relationships: usize,
    pub records: usize,
    /// Fields written: none when the same file comes back twice.
    pub changed: usize,
}

impl Imported {
    pub fn said(&self, locale: Locale) -> String {
        if self.changed == 0 {
            return ImportMsg::ImportedAlready.text(locale).to_owned();
        }
        fill(
            ImportMsg::Imported.text(locale),
            &[
                &self.relationships.to_string(),
                &self.records.to_string(),
                &self.changed.to_string(),
            ],
        )
    }
}

impl ImportProblem {
    /// The problem in words, and that nothing was kept.
    pub fn said(&self, locale: Locale) -> String {
        let t = |msg: crate::i18n::Message| msg.text(locale);
        let one = |msg, arg: &dyn ToString| fill(t(msg), &[&arg.to_string()]);
        let what = match self {
            Self::NotAnExport => t(ImportMsg::ErrNotAnExport).to_owned(),
            Self::OtherFormat { format } => one(ImportMsg::ErrOtherFormat, format),
            Self::TooLarge => t(ImportMsg::ErrTooLarge).to_owned(),
            Self::BadRelationship { index } => one(ImportMsg::ErrBadRelationship, index),
            Self::Taken { relationship } => one(ImportMsg::ErrTaken, relationship),
            Self::BadRecord {
                relationship,
                index,
                field,
                rejection,
            } => {
                let why = match rejection {
                    // The form's words for a refused value, in a reactive owner of their own.
                    Some(rejection) => {
                        let owner = leptos::prelude::Owner::new();
                        owner.with(|| rejection_text(I18n::new(locale), *rejection))
                    }
                    None => t(ImportMsg::ErrBadClock).to_owned(),
                };
                let why = match field {
                    Some(field) => format!("{field}: {why}"),
                    None => why,
                };
                fill(
                    t(ImportMsg::ErrBadRecord),
                    &[&index.to_string(), &relationship.to_string(), &why],
                )
            }
            Self::Shared { relationship } => one(ImportMsg::ErrShared, relationship),
            Self::RecordTaken { record } => one(ImportMsg::ErrRecordTaken, record),
            Self::Twice { record } => one(ImportMsg::ErrTwice, record),
            Self::Full { relationship } => one(ImportMsg::ErrFull, relationship),
            Self::TooMany => t(ImportMsg::ErrTooMany).to_owned(),
            Self::SignIn => return t(Msg::ErrSignInFirst).to_owned(),
        };
        format!("{what} {}", t(ImportMsg::NothingKept))
    }
}

crate::i18n::messages! {
    ImportMsg {
        Imported => "Brought back: {} relationships, {} records, {} changes.", "Teruggezet: {} relaties, {} records, {} wijzigingen.";
        ImportedAlready => "Nothing new: everything in this file is here already.", "Niets nieuws: alles uit dit bestand staat er al.";
        ErrNotAnExport => "This file is not a Tandem export.", "Dit bestand is geen Tandem-export.";
        ErrOtherFormat => "This export has format “{}”, which this Tandem cannot read.", "Deze export heeft formaat “{}”, dat deze Tandem niet kan lezen.";
        ErrBadRelationship => "Relationship {} of the file is incomplete or damaged.", "Relatie {} in het bestand is onvolledig of beschadigd.";
        ErrTaken => "Relationship {} of the file belongs to other people here.", "Relatie {} uit het bestand is hier van anderen.";
        ErrBadRecord => "Record {} of relationship {} is refused: {}", "Record {} van relatie {} is geweigerd: {}";
        ErrBadClock => "the time of a change is missing or damaged.", "de tijd van een wijziging ontbreekt of is beschadigd.";
        ErrShared => "Relationship {} is here already, shared with your partner: it changes by syncing, not from a file.", "Relatie {} staat hier al, gedeeld met je partner: die verandert door synchroniseren, niet uit een bestand.";
        ErrRecordTaken => "Record {} of the file belongs to another relationship or person here.", "Record {} uit het bestand is hier van een andere relatie of persoon.";
        ErrFull => "Relationship {} holds more than this server keeps for one person.", "Relatie {} bevat meer dan deze server per persoon bewaart.";
        ErrTooMany => "Too many imports in the last hour. Try again later.", "Te veel imports in het afgelopen uur. Probeer het later opnieuw.";
        NothingKept => "Nothing of the file was kept.", "Er is niets van het bestand bewaard.";
        ErrTwice => "Record {} is in the file more than once.", "Record {} staat meer dan eens in het bestand.";
        ErrTooLarge => "This file is larger than 10 MB.", "Dit bestand is groter dan 10 MB.";
    }
}

//! Every visible string, in English and Dutch side by side; a missing translation does not compile.

use super::Locale;

macro_rules! messages {
    ($($key:ident => $en:literal, $nl:literal;)*) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Msg { $($key,)* }

        impl Msg {
            pub const ALL: &'static [Msg] = &[$(Msg::$key,)*];

            /// A lookup in one table, in the order of the enum: a `match` compiled to
            /// about 4 KB of branches in the browser bundle.
            pub fn text(self, locale: Locale) -> &'static str {
                const TEXTS: &[[&str; 2]] = &[$([$en, $nl],)*];
                TEXTS[self as usize][locale as usize]
            }
        }
    };
}

messages! {
    AppName => "Tandem", "Tandem";
    Tagline => "Mentoring that keeps its promises", "Mentoring dat zijn afspraken nakomt";
    WelcomeText => "Tandem guides a mentor and a mentee through preparing, agreeing, setting goals, planning meetings, following through and checking in — on your phone, even offline.",
        "Tandem begeleidt mentor en mentee bij voorbereiden, afspraken maken, doelen stellen, bijeenkomsten plannen, opvolgen en terugblikken — op je telefoon, ook offline.";
    AccountMenu => "Account", "Account";
    Language => "Language", "Taal";
    SignIn => "Sign in", "Inloggen";
    SignUp => "Create account", "Account aanmaken";
    SignOut => "Sign out", "Uitloggen";
    SignInTitle => "Sign in to Tandem", "Inloggen bij Tandem";
    SignUpTitle => "Create your Tandem account", "Maak je Tandem-account aan";
    HaveAccount => "Already have an account?", "Heb je al een account?";
    NoAccount => "New to Tandem?", "Nieuw bij Tandem?";
    DisplayName => "Your name", "Je naam";
    DisplayNameHint => "Shown to your mentoring partner.", "Zichtbaar voor je mentorpartner.";
    Email => "Email address", "E-mailadres";
    Password => "Password", "Wachtwoord";
    PasswordHint => "At least 10 characters.", "Minstens 10 tekens.";
    ErrRequired => "Please fill this in.", "Vul dit in.";
    ErrTooShort => "Use at least {} characters.", "Gebruik minstens {} tekens.";
    ErrTooLong => "Use at most {} characters.", "Gebruik hoogstens {} tekens.";
    ErrMalformed => "This value is not valid.", "Deze waarde is niet geldig.";
    ErrEmailMalformed => "Enter an email address like name@example.com.", "Vul een e-mailadres in zoals naam@voorbeeld.nl.";
    ErrEmailTaken => "An account with this email address already exists. Sign in instead?", "Er bestaat al een account met dit e-mailadres. Wil je inloggen?";
    ErrWrongCredentials => "Email or password is wrong.", "E-mailadres of wachtwoord is onjuist.";
    ErrRateLimited => "Too many failed attempts. Try again in {} seconds.", "Te veel mislukte pogingen. Probeer het over {} seconden opnieuw.";
    ErrSignInFirst => "Please sign in first.", "Log eerst in.";
    ErrForbidden => "This relationship does not exist or you are not part of it.", "Deze relatie bestaat niet of je maakt er geen deel van uit.";
    ErrFixFields => "Please correct the fields marked above.", "Verbeter de gemarkeerde velden hierboven.";
    ErrEnded => "This relationship has ended.", "Deze relatie is beëindigd.";
    ErrAlreadyPaired => "This relationship already has a mentor and a mentee.", "Deze relatie heeft al een mentor en een mentee.";
    ErrInternal => "Something went wrong on our side. Please try again.", "Er ging bij ons iets mis. Probeer het opnieuw.";
    ErrNetwork => "Could not reach Tandem. Check your connection and try again.", "Tandem is niet bereikbaar. Controleer je verbinding en probeer het opnieuw.";
    Loading => "Loading…", "Laden…";
    NotFoundTitle => "Page not found", "Pagina niet gevonden";
    BackHome => "Back to your relationships", "Terug naar je relaties";
    ChunkMissingTitle => "This page needs a connection once", "Deze pagina heeft één keer een verbinding nodig";
    ChunkMissingText => "This part of Tandem has not been stored on this device yet. Connect to the internet and try again; after that it opens offline too.",
        "Dit deel van Tandem staat nog niet op dit apparaat. Maak verbinding met internet en probeer het opnieuw; daarna opent het ook offline.";
    TryAgain => "Try again", "Opnieuw proberen";
    YourRelationships => "Your mentoring relationships", "Je mentorrelaties";
    NoRelationships => "You have no relationships yet. Start one below and invite your partner.", "Je hebt nog geen relaties. Begin er hieronder een en nodig je partner uit.";
    MentoringWith => "Mentoring with {}", "Mentoring met {}";
    NewRelationship => "New relationship", "Nieuwe relatie";
    RoleMentor => "mentor", "mentor";
    RoleMentee => "mentee", "mentee";
    YouAre => "You are {}", "Jij bent {}";
    PartnerIs => "{} is {}", "{} is {}";
    StartedOn => "Started {}", "Gestart op {}";
    EndedOn => "Ended {}", "Beëindigd op {}";
    WaitingForPartner => "Waiting for your partner to accept the invite", "Wacht tot je partner de uitnodiging accepteert";
    StartTitle => "Start a relationship", "Begin een relatie";
    StartText => "Choose your role; you will get a link to send to your partner.", "Kies je rol; je krijgt een link om naar je partner te sturen.";
    MyRole => "My role", "Mijn rol";
    IAmMentor => "I am the mentor", "Ik ben de mentor";
    IAmMentee => "I am the mentee", "Ik ben de mentee";
    TitleOptional => "Title (optional)", "Titel (optioneel)";
    TitleHint => "For example “Leadership 2027”.", "Bijvoorbeeld „Leiderschap 2027”.";
    CreateInvite => "Create invite link", "Uitnodigingslink maken";
    YourRole => "Your role", "Jouw rol";
    Partner => "Partner", "Partner";
    NoPartnerYet => "Not yet: the invite is still open", "Nog niet: de uitnodiging staat nog open";
    Status => "Status", "Status";
    InviteHeading => "Invite your partner", "Nodig je partner uit";
    InviteExplain => "Send this link to your partner. It works once and only for the person who opens it first.", "Stuur deze link naar je partner. Hij werkt één keer, voor wie hem als eerste opent.";
    InviteLinkLabel => "Invite link", "Uitnodigingslink";
    ExpiresOn => "Expires {}", "Verloopt op {}";
    CopyLink => "Copy link", "Link kopiëren";
    ShareLink => "Share link", "Link delen";
    ShareText => "Join me on Tandem for our mentoring.", "Doe mee op Tandem voor onze mentoring.";
    Copied => "Link copied.", "Link gekopieerd.";
    RevokeInvite => "Revoke invite", "Uitnodiging intrekken";
    InviteWasRevoked => "The invite was revoked. Create a new link to invite your partner.", "De uitnodiging is ingetrokken. Maak een nieuwe link om je partner uit te nodigen.";
    InviteWasDeclined => "Your invite was declined. You can create a new link.", "Je uitnodiging is afgeslagen. Je kunt een nieuwe link maken.";
    InviteWasExpired => "Your invite expired. Create a new link to invite your partner.", "Je uitnodiging is verlopen. Maak een nieuwe link om je partner uit te nodigen.";
    CreateNewInvite => "Create new invite link", "Nieuwe uitnodigingslink maken";
    EndHeading => "End this relationship", "Deze relatie beëindigen";
    EndText => "Ending keeps everything readable for both of you, marked as ended.", "Na beëindigen blijft alles leesbaar voor jullie beiden, gemarkeerd als beëindigd.";
    EndRelationship => "End relationship", "Relatie beëindigen";
    EndConfirm => "End this relationship for both of you? This cannot be undone.", "Deze relatie voor jullie beiden beëindigen? Dit kan niet ongedaan worden.";
    EndYes => "Yes, end it", "Ja, beëindigen";
    Cancel => "Cancel", "Annuleren";
    InvitationTitle => "Invitation", "Uitnodiging";
    InviteSignInFirst => "You have been invited to a mentoring relationship on Tandem. Sign in or create an account to see the invitation and answer it.", "Je bent uitgenodigd voor een mentorrelatie op Tandem. Log in of maak een account aan om de uitnodiging te zien en te beantwoorden.";
    InvitesYouAs => "{} invites you to be their {}.", "{} nodigt je uit als {}.";
    Accept => "Accept", "Accepteren";
    Decline => "Decline", "Afslaan";
    YouDeclined => "You declined the invitation.", "Je hebt de uitnodiging afgeslagen.";
    InviteUnknown => "This invite link is not known. Check that you copied all of it.", "Deze uitnodigingslink is onbekend. Controleer of je hem helemaal hebt gekopieerd.";
    InviteExpired => "This invite has expired. Ask your partner for a new link.", "Deze uitnodiging is verlopen. Vraag je partner om een nieuwe link.";
    InviteUsed => "This invite has already been used.", "Deze uitnodiging is al gebruikt.";
    InviteRevoked => "This invite was revoked by the person who sent it.", "Deze uitnodiging is ingetrokken door de afzender.";
    InviteDeclinedAlready => "This invite was declined.", "Deze uitnodiging is afgeslagen.";
    InviteOwn => "This is your own invite. Send the link to your partner instead.", "Dit is je eigen uitnodiging. Stuur de link naar je partner.";
    InviteRelationshipEnded => "The relationship of this invite has ended.", "De relatie van deze uitnodiging is beëindigd.";
    ActionItems => "Action items", "Actiepunten";
    ItemsYours => "Yours", "Van jou";
    ItemsOf => "{}'s", "Van {}";
    ItemsOfRole => "Your {}'s", "Van je {}";
    NoOpenItems => "Nothing open.", "Niets open.";
    DoneCount => "Done ({})", "Gedaan ({})";
    DueOn => "Due {}", "Uiterlijk {}";
    OverdueSince => "Overdue since {}", "Te laat sinds {}";
    NotSyncedYet => "Not synced yet", "Nog niet gesynchroniseerd";
    DoneAt => "Done {}", "Afgerond {}";
    NoDueDate => "no due date", "geen uiterste datum";
    ChangedMeanwhile => "Meanwhile this was changed elsewhere to “{}”.", "Intussen is dit elders gewijzigd in “{}”.";
    UseTheirs => "Use theirs", "Die overnemen";
    UseTheirsFor => "Use theirs for {}", "Die overnemen voor {}";
    Today => "today", "vandaag";
    Yesterday => "yesterday", "gisteren";
    Edit => "Edit", "Bewerken";
    EditItem => "Edit “{}”", "“{}” bewerken";
    Delete => "Delete", "Verwijderen";
    DeleteItem => "Delete “{}”", "“{}” verwijderen";
    ItemDeleted => "Deleted “{}”.", "“{}” verwijderd.";
    Undo => "Undo", "Ongedaan maken";
    ItemTitle => "Title", "Titel";
    ItemNotes => "Notes", "Notities";
    ItemDue => "Due date", "Uiterste datum";
    ItemDueOptional => "Due date (optional)", "Uiterste datum (optioneel)";
    ItemFor => "For", "Voor";
    ForMe => "Me", "Mij";
    ForPartner => "My {}", "Mijn {}";
    Save => "Save", "Opslaan";
    AddItemHeading => "Add an action item", "Actiepunt toevoegen";
    NewItem => "New action item", "Nieuw actiepunt";
    Add => "Add", "Toevoegen";
    RejectedNotYours => "Only the person it belongs to can tick this item.", "Alleen degene van wie dit punt is, kan het afvinken.";
    RejectedNoAccess => "You can no longer change this relationship.", "Je kunt deze relatie niet meer wijzigen.";
    RejectedClockAhead => "This device's clock is ahead. Set the correct time and try again.", "De klok van dit apparaat loopt voor. Zet de juiste tijd en probeer het opnieuw.";
    SyncStatusLabel => "Sync status: {}", "Synchronisatie: {}";
    SyncSaved => "All saved", "Alles opgeslagen";
    SyncPending => "{} pending", "{} in wachtrij";
    SyncOffline => "Offline", "Offline";
    SyncOfflinePending => "Offline · {} pending", "Offline · {} in wachtrij";
    SyncFailed => "Sync failed", "Synchronisatie mislukt";
    SyncRejected => "{} not accepted", "{} niet geaccepteerd";
    SyncNotStored => "Not stored on this device", "Niet opgeslagen op dit apparaat";
    LastSync => "Last synced at {}.", "Laatst gesynchroniseerd om {}.";
    NeverSynced => "Not synced yet on this device.", "Nog niet gesynchroniseerd op dit apparaat.";
    StorageFailed => "This browser does not let Tandem store data (private mode or full storage). Your changes are kept while this page stays open and are sent as soon as you are online.", "Deze browser laat Tandem geen gegevens opslaan (privémodus of volle opslag). Je wijzigingen blijven bewaard zolang deze pagina open is en worden verstuurd zodra je online bent.";
    RejectedChange => "Your change to “{}” was not accepted.", "Je wijziging van “{}” is niet geaccepteerd.";
    Discard => "Discard", "Weggooien";
    AddedBy => "Added by {} on {}", "Toegevoegd door {} op {}";
    You => "you", "jou";
    YourPartnerRole => "your {}", "je {}";
}

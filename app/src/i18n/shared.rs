//! The words every part of the app shares (the header, errors, sync status), in English and Dutch.
//! A feature's own words live in its folder, in a table of its own.

super::messages! {
    Msg {
        AppName => "Tandem", "Tandem";
        Tagline => "Mentoring that keeps its promises", "Mentoring dat zijn afspraken nakomt";
        AccountMenu => "Account", "Account";
        Language => "Language", "Taal";
        SignIn => "Sign in", "Inloggen";
        SignUp => "Create account", "Account aanmaken";
        SignOut => "Sign out", "Uitloggen";
        ErrRequired => "Please fill this in.", "Vul dit in.";
        ErrTooShort => "Use at least {} characters.", "Gebruik minstens {} tekens.";
        ErrTooLong => "Use at most {} characters.", "Gebruik hoogstens {} tekens.";
        ErrMalformed => "This value is not valid.", "Deze waarde is niet geldig.";
        ErrPasswordWrong => "That is not your current password.", "Dat is niet je huidige wachtwoord.";
        ErrBlank => "Write something visible: this holds only blank or invisible characters.",
            "Schrijf iets zichtbaars: dit bevat alleen lege of onzichtbare tekens.";
        ErrInvisible => "Remove the invisible characters, such as direction marks or zero-width spaces.", "Haal de onzichtbare tekens weg, zoals richtingtekens of spaties zonder breedte.";
        ErrEmailMalformed => "Enter an email address like name@example.com.",
            "Vul een e-mailadres in zoals naam@voorbeeld.nl.";
        ErrEmailTaken => "An account with this email address already exists. Sign in instead?",
            "Er bestaat al een account met dit e-mailadres. Wil je inloggen?";
        ErrWrongCredentials => "Email or password is wrong.",
            "E-mailadres of wachtwoord is onjuist.";
        ErrRateLimited => "Too many failed attempts. Try again in {} seconds.",
            "Te veel mislukte pogingen. Probeer het over {} seconden opnieuw.";
        ErrTooManyChanges => "More changes at once than Tandem takes from one person. They are kept on this device and sent in {} seconds.",
            "Meer wijzigingen tegelijk dan Tandem van één persoon aanneemt. Ze blijven op dit apparaat en worden over {} seconden verstuurd.";
        ErrBusy => "Tandem is busy right now. Try again in {} seconds.",
            "Tandem heeft het even druk. Probeer het over {} seconden opnieuw.";
        ErrSignInFirst => "Please sign in first.", "Log eerst in.";
        ErrForbidden => "This relationship does not exist or you are not part of it.",
            "Deze relatie bestaat niet of je maakt er geen deel van uit.";
        ErrFixFields => "Please correct the fields marked above.",
            "Verbeter de gemarkeerde velden hierboven.";
        ErrEnded => "This relationship has ended.", "Deze relatie is beëindigd.";
        ErrAlreadyPaired => "This relationship already has a mentor and a mentee.",
            "Deze relatie heeft al een mentor en een mentee.";
        ErrInternal => "Something went wrong on our side. Please try again.",
            "Er ging bij ons iets mis. Probeer het opnieuw.";
        ErrNetwork => "Could not reach Tandem. Check your connection and try again.",
            "Tandem is niet bereikbaar. Controleer je verbinding en probeer het opnieuw.";
        Loading => "Loading…", "Laden…";
        NotFoundTitle => "Page not found", "Pagina niet gevonden";
        BackHome => "Back to your relationships", "Terug naar je relaties";
        ChunkMissingTitle => "This page needs a connection once",
            "Deze pagina heeft één keer een verbinding nodig";
        ChunkMissingText => "This part of Tandem has not been stored on this device yet. Connect to the internet and try again; after that it opens offline too.",
            "Dit deel van Tandem staat nog niet op dit apparaat. Maak verbinding met internet en probeer het opnieuw; daarna opent het ook offline.";
        TryAgain => "Try again", "Opnieuw proberen";
        Cancel => "Cancel", "Annuleren";
        InviteUnknown => "This invite link is not known. Check that you copied all of it.",
            "Deze uitnodigingslink is onbekend. Controleer of je hem helemaal hebt gekopieerd.";
        InviteExpired => "This invite has expired. Ask your partner for a new link.",
            "Deze uitnodiging is verlopen. Vraag je partner om een nieuwe link.";
        InviteUsed => "This invite has already been used.", "Deze uitnodiging is al gebruikt.";
        InviteRevoked => "This invite was revoked by the person who sent it.",
            "Deze uitnodiging is ingetrokken door de afzender.";
        InviteDeclinedAlready => "This invite was declined.", "Deze uitnodiging is afgeslagen.";
        InviteOwn => "This is your own invite. Send the link to your partner instead.",
            "Dit is je eigen uitnodiging. Stuur de link naar je partner.";
        InviteRelationshipEnded => "The relationship of this invite has ended.",
            "De relatie van deze uitnodiging is beëindigd.";
        Today => "today", "vandaag";
        Yesterday => "yesterday", "gisteren";
        Edit => "Edit", "Bewerken";
        Delete => "Delete", "Verwijderen";
        Undo => "Undo", "Ongedaan maken";
        Save => "Save", "Opslaan";
        Add => "Add", "Toevoegen";
        RejectedNotYours => "Only the person it belongs to can tick this item.",
            "Alleen degene van wie dit punt is, kan het afvinken.";
        RejectedIncomplete => "Not saved: part of it did not arrive. Add it again.",
            "Niet opgeslagen: een deel kwam niet aan. Voeg het opnieuw toe.";
        RejectedNoAccess => "You can no longer change this relationship.",
            "Je kunt deze relatie niet meer wijzigen.";
        RejectedClockAhead => "This device's clock is ahead. Set the correct time and try again.",
            "De klok van dit apparaat loopt voor. Zet de juiste tijd en probeer het opnieuw.";
        RejectedFull => "You have written as much in this relationship as Tandem keeps for one person. Shorten a long text to make room.",
            "Je hebt in deze relatie zoveel geschreven als Tandem voor één persoon bewaart. Maak een lange tekst korter om ruimte te maken.";
        SyncStatusLabel => "Sync status: {}", "Synchronisatie: {}";
        SyncSaved => "All saved", "Alles opgeslagen";
        SyncPending => "{} pending", "{} in wachtrij";
        SyncOffline => "Offline", "Offline";
        SyncOfflinePending => "Offline · {} pending", "Offline · {} in wachtrij";
        SyncFailed => "Sync failed", "Synchronisatie mislukt";
        SyncRejected => "{} not accepted", "{} niet geaccepteerd";
        SyncNotStored => "Not stored on this device", "Niet opgeslagen op dit apparaat";
        LastSync => "Last synced at {}.", "Laatst gesynchroniseerd om {}.";
        NeverSynced => "Not synced yet on this device.",
            "Nog niet gesynchroniseerd op dit apparaat.";
        StorageFailed => "This browser does not let Tandem store data (private mode or full storage). Your changes are kept while this page stays open and are sent as soon as you are online.",
            "Deze browser laat Tandem geen gegevens opslaan (privémodus of volle opslag). Je wijzigingen blijven bewaard zolang deze pagina open is en worden verstuurd zodra je online bent.";
        RejectedChange => "Your change to “{}” was not accepted.",
            "Je wijziging van “{}” is niet geaccepteerd.";
        Discard => "Discard", "Weggooien";
    }
}

//! The accounts pages' words, in English and Dutch.

crate::i18n::messages! {
    AccountMsg {
        SignInTitle => "Sign in to Tandem", "Inloggen bij Tandem";
        SignUpTitle => "Create your Tandem account", "Maak je Tandem-account aan";
        HaveAccount => "Already have an account?", "Heb je al een account?";
        NoAccount => "New to Tandem?", "Nieuw bij Tandem?";
        DisplayName => "Your name", "Je naam";
        DisplayNameHint => "Shown to your mentoring partner.", "Zichtbaar voor je mentorpartner.";
        Email => "Email address", "E-mailadres";
        Password => "Password", "Wachtwoord";
        PasswordHint => "At least 10 characters.", "Minstens 10 tekens.";
        AccountTitle => "Your account", "Je account";
        ChangePassword => "Change password", "Wachtwoord wijzigen";
        CurrentPassword => "Current password", "Huidig wachtwoord";
        NewPassword => "New password", "Nieuw wachtwoord";
        PasswordChanged => "Password changed. You are signed out on your other devices.", "Wachtwoord gewijzigd. Je bent op je andere apparaten uitgelogd.";
        EverywhereTitle => "Sign out everywhere", "Overal uitloggen";
        EverywhereText => "Lost a phone, or signed in on a computer that is not yours? This signs you out on every device, this one too.", "Telefoon kwijt, of ingelogd op een computer die niet van jou is? Hiermee log je op elk apparaat uit, ook op dit.";
        SignOutEverywhere => "Sign out on all devices", "Op alle apparaten uitloggen";
        SignOutTitle => "Sign out?", "Uitloggen?";
        SignedOut => "You are signed out.", "Je bent uitgelogd.";
        NothingPending => "Everything you did on this device has reached the server. Signing out erases it from this device.", "Alles wat je op dit apparaat deed, staat op de server. Uitloggen wist het van dit apparaat.";
        OnePending => "1 change on this device has not reached the server yet. If you sign out now, it is lost.", "1 wijziging op dit apparaat heeft de server nog niet bereikt. Als je nu uitlogt, gaat die verloren.";
        ManyPending => "{} changes on this device have not reached the server yet. If you sign out now, they are lost.", "{} wijzigingen op dit apparaat hebben de server nog niet bereikt. Als je nu uitlogt, gaan ze verloren.";
        StayToSend => "Stay signed in and they are sent as soon as there is a connection.", "Blijf ingelogd, dan gaan ze mee zodra er verbinding is.";
        EraseAndSignOut => "Sign out and lose them", "Uitloggen en ze kwijtraken";
        StaySignedIn => "Stay signed in", "Ingelogd blijven";
        DeleteTitle => "Delete account", "Account verwijderen";
        DeleteWhat => "Your private notes and drafts are erased. What you shared in your relationships stays for your partner under “Former member”, and those relationships end; a relationship nobody joined yet is deleted with its invite link. You are signed out everywhere and this device forgets your data. This cannot be undone.",
            "Je privénotities en concepten worden gewist. Wat je in je relaties deelde, blijft voor je partner staan onder „Voormalig lid”, en die relaties worden beëindigd; een relatie waar nog niemand bij kwam, wordt met de uitnodigingslink verwijderd. Je wordt overal uitgelogd en dit apparaat vergeet je gegevens. Dit kan niet ongedaan worden gemaakt.";
        DeletePassword => "Your password, to confirm", "Je wachtwoord, ter bevestiging";
        DeleteConfirm => "Delete my account for good", "Mijn account definitief verwijderen";
    }
}

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
    }
}

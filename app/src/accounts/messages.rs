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
    }
}

//! The relationship pages' words, in English and Dutch.

crate::i18n::messages! {
    RelationshipMsg {
        WelcomeText => "Tandem guides a mentor and a mentee through preparing, agreeing, setting goals, planning meetings, following through and checking in — on your phone, even offline.",
            "Tandem begeleidt mentor en mentee bij voorbereiden, afspraken maken, doelen stellen, bijeenkomsten plannen, opvolgen en terugblikken — op je telefoon, ook offline.";
        YourRelationships => "Your mentoring relationships", "Je mentorrelaties";
        NoRelationships => "You have no mentoring relationship yet. Start one below, or open the invite link your mentor or mentee sent you.",
            "Je hebt nog geen mentorrelatie. Begin er hieronder een, of open de uitnodigingslink die je mentor of mentee je stuurde.";
        StartOne => "Start a relationship", "Begin een relatie";
        MentoringWith => "Mentoring with {}", "Mentoring met {}";
        NewRelationship => "New relationship", "Nieuwe relatie";
        RoleMentor => "mentor", "mentor";
        RoleMentee => "mentee", "mentee";
        YouAre => "You are {}", "Jij bent {}";
        PartnerIs => "{} is {}", "{} is {}";
        StartedOn => "Started {}", "Gestart op {}";
        EndedOn => "Ended {}", "Beëindigd op {}";
        EndedReadOnly => "This relationship ended on {}. Everything stays readable; nothing more can be changed.",
            "Deze relatie is beëindigd op {}. Alles blijft leesbaar; er kan niets meer worden gewijzigd.";
        WaitingForPartner => "Waiting for your partner to accept the invite",
            "Wacht tot je partner de uitnodiging accepteert";
        StartTitle => "Start a relationship", "Begin een relatie";
        StartText => "Choose your role; you will get a link to send to your partner.",
            "Kies je rol; je krijgt een link om naar je partner te sturen.";
        MyRole => "My role", "Mijn rol";
        IAmMentor => "I am the mentor", "Ik ben de mentor";
        IAmMentee => "I am the mentee", "Ik ben de mentee";
        TitleOptional => "Title (optional)", "Titel (optioneel)";
        TitleHint => "For example “Leadership 2027”.", "Bijvoorbeeld „Leiderschap 2027”.";
        CreateInvite => "Create invite link", "Uitnodigingslink maken";
        YourRole => "Your role", "Jouw rol";
        Partner => "Partner", "Partner";
        NoPartnerYet => "Not yet: the invite is still open",
            "Nog niet: de uitnodiging staat nog open";
        Status => "Status", "Status";
        InviteHeading => "Invite your partner", "Nodig je partner uit";
        InPlaceOf => "This relationship was brought back from an export. You join it in the place of {}: what it holds under that name becomes yours.",
            "Deze relatie is hersteld uit een export. Je doet mee in de plaats van {}: wat er onder die naam in staat, wordt van jou.";
        InviteBack => "This relationship came back from an export. Create an invite link so that your partner can join it again, with everything they wrote.",
            "Deze relatie is hersteld uit een export. Maak een uitnodigingslink, zodat je partner weer kan meedoen, met alles wat je partner eerder schreef.";
        InviteExplain => "Send this link to your partner. It works once and only for the person who opens it first.",
            "Stuur deze link naar je partner. Hij werkt één keer, voor wie hem als eerste opent.";
        InviteLinkLabel => "Invite link", "Uitnodigingslink";
        ExpiresOn => "Expires {}", "Verloopt op {}";
        CopyLink => "Copy link", "Link kopiëren";
        ShareLink => "Share link", "Link delen";
        ShareText => "Join me on Tandem for our mentoring.",
            "Doe mee op Tandem voor onze mentoring.";
        Copied => "Link copied.", "Link gekopieerd.";
        RevokeInvite => "Revoke invite", "Uitnodiging intrekken";
        InviteWasRevoked => "The invite was revoked. Create a new link to invite your partner.",
            "De uitnodiging is ingetrokken. Maak een nieuwe link om je partner uit te nodigen.";
        InviteWasDeclined => "Your invite was declined. You can create a new link.",
            "Je uitnodiging is afgeslagen. Je kunt een nieuwe link maken.";
        InviteWasExpired => "Your invite expired. Create a new link to invite your partner.",
            "Je uitnodiging is verlopen. Maak een nieuwe link om je partner uit te nodigen.";
        CreateNewInvite => "Create new invite link", "Nieuwe uitnodigingslink maken";
        EndHeading => "End this relationship", "Deze relatie beëindigen";
        EndText => "Ending asks for each goal's final status and for a closing reflection from each of you, and keeps everything readable for both of you, marked as ended.",
            "Bij het beëindigen krijgt elk doel een eindstand en schrijven jullie allebei een afsluitende reflectie; alles blijft leesbaar voor jullie beiden, gemarkeerd als beëindigd.";
        EndRelationship => "End relationship", "Relatie beëindigen";
        EndConfirm => "End this relationship for both of you? This cannot be undone.",
            "Deze relatie voor jullie beiden beëindigen? Dit kan niet ongedaan worden.";
        EndYes => "Yes, end it", "Ja, beëindigen";
        InvitationTitle => "Invitation", "Uitnodiging";
        InviteSignInFirst => "You have been invited to a mentoring relationship on Tandem. Sign in or create an account to see the invitation and answer it.",
            "Je bent uitgenodigd voor een mentorrelatie op Tandem. Log in of maak een account aan om de uitnodiging te zien en te beantwoorden.";
        InvitesYouAs => "{} invites you to be their {}.", "{} nodigt je uit als {}.";
        Accept => "Accept", "Accepteren";
        Decline => "Decline", "Afslaan";
        YouDeclined => "You declined the invitation.", "Je hebt de uitnodiging afgeslagen.";
        Ingredients => "Working together", "Samenwerken";
    }
}

/// Words the server writes into its answers in the reader's language, never in the bundle.
#[cfg(feature = "ssr")]
pub mod answered {
    crate::i18n::messages! {
        AnsweredMsg {
            FormerMember => "Former member", "Voormalig lid";
            FormerMemberNamed => "{} (former member)", "{} (voormalig lid)";
        }
    }
}

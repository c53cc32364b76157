//! The preparation's words, in English and Dutch (prompts from the mission's `prepare.*` keys).

crate::i18n::messages! {
    PrepareMsg {
        Want => "What do I want to get out of this mentoring relationship?", "Wat wil ik uit deze mentorrelatie halen?";
        Bring => "What do I bring to it (skills, questions, insights, stories)?", "Wat breng ik mee (vaardigheden, vragen, inzichten, verhalen)?";
        Expect => "What are my expectations?", "Wat zijn mijn verwachtingen?";
        Title => "Prepare", "Voorbereiden";
        Intro => "Before your first meeting, think about what you want from this relationship. Your answers are saved as you type and stay private until you share them.", "Denk voor jullie eerste gesprek na over wat je uit deze relatie wilt halen. Je antwoorden worden bewaard terwijl je typt en blijven privé tot je ze deelt.";
        YourAnswers => "Your answers", "Jouw antwoorden";
        Private => "Private: only you can see this.", "Privé: alleen jij ziet dit.";
        SharedWith => "Shared with {}.", "Gedeeld met {}.";
        SharedNoPartner => "Shared: your partner sees it once they join.", "Gedeeld: je partner ziet het zodra die meedoet.";
        ChangedSinceNoPartner => "Shared. Your changes since are private until you share them.", "Gedeeld. Wat je daarna wijzigde, blijft privé tot je het deelt.";
        ChangedSince => "Shared with {}. Your changes since are private until you share them.", "Gedeeld met {}. Wat je daarna wijzigde, blijft privé tot je het deelt.";
        Share => "Share this answer", "Dit antwoord delen";
        ShareChanges => "Share my changes", "Mijn wijzigingen delen";
        Unshare => "Stop sharing", "Niet meer delen";
        ShareAll => "Share all my answers", "Al mijn antwoorden delen";
        NothingToShare => "Write an answer before you share it.", "Schrijf eerst een antwoord voordat je het deelt.";
        TheirAnswers => "{}'s preparation", "Voorbereiding van {}";
        TheyShared => "{} has shared {} of 3 answers.", "{} heeft {} van de 3 antwoorden gedeeld.";
        TheyHaveNotShared => "{} has not shared any answers yet.", "{} heeft nog geen antwoorden gedeeld.";
        PartnerNotYet => "Your partner has not joined yet.", "Je partner doet nog niet mee.";
        YouNotStarted => "You have not started.", "Jij bent nog niet begonnen.";
        YouDrafting => "You have started; nothing is shared yet.", "Jij bent begonnen; er is nog niets gedeeld.";
        YouShared => "You have shared {} of 3 answers.", "Jij hebt {} van de 3 antwoorden gedeeld.";
        Heading => "Preparation", "Voorbereiding";
        GoPrepare => "Your preparation", "Jouw voorbereiding";
        NotYet => "Not shared yet.", "Nog niet gedeeld.";
    }
}

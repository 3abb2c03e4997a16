import Testing

/// English sentence segmentation over the phenomena of the "golden rules" that pySBD and the
/// Pragmatic Segmenter test (texts written for these tests, not copied from theirs).
@Suite struct EnglishSegmentationTests {
    private func check(_ gold: GoldText) throws {
        let sentences = try segmenter("en").sentences(in: gold.text)
        #expect(sentences == gold.sentences, "“\(gold.text)” was split as \(sentences)")
    }

    @Test("Plain stops, questions and exclamations", arguments: [
        "The meeting opened at noon. | Ten delegations attended.",
        "Who signed the treaty? | Both ministers did.",
        "We won! | The whole team celebrated.",
        "Really?! | I had no idea.",
        "No way!! | That cannot be true.",
        "Is it over?? | Nobody answered.",
        "Are you coming?! | We leave now.",
        "She worked at Yahoo! for ten years.",
    ] as [GoldText])
    func plainStops(_ gold: GoldText) throws { try check(gold) }

    @Test("Titles, initials and names", arguments: [
        "Mr. Brown met Dr. Green at the station.",
        "The report was written by Prof. Lee and Mrs. Ortiz.",
        "A letter from A. Lukashenko arrived on Monday.",
        "Our guide was Marta J. Novak. | She knew every street.",
        "J. R. R. Tolkien wrote the novel in Oxford.",
        "The new rules were drafted by Gen. Hale. | They apply from May.",
        "We were alone, she and I. | Then Henry I. Walsh walked in.",
        "Sen. Warren and Gov. Abbott disagreed.",
        "Capt. Ross visited Mt. Rainier last week.",
        "St. Andrew's School is on Pine St. near the park.",
        "Dan Foster Jr.'s office is closed.",
    ] as [GoldText])
    func titlesAndInitials(_ gold: GoldText) throws { try check(gold) }

    @Test("Country and company abbreviations", arguments: [
        "The U.S. Army built the bridge in 1944.",
        "She moved to the U.S. | What a change it was.",
        "He has worked in the U.S. for a decade.",
        "They toured the U.S.A. in the spring.",
        "Our office is in the E.U. | Where is yours?",
        "The contract went to Hart, Lowe & Co. on Friday.",
        "The contract went to Hart, Lowe & Co. | It was signed on Friday.",
        "Ask Ben and co. before you leave.",
        "Ask Ben and co. | They will know.",
        "Apple Inc. released a new phone.",
        "She earned a Ph.D. in chemistry.",
        "Trials ran in the U.S. and the U.K. | Side effects were rare.",
        "He commanded the U.S. Third Army in 1944.",
        "Revenue was $89.5 billion. | iPhone sales fell.",
    ] as [GoldText])
    func countriesAndCompanies(_ gold: GoldText) throws { try check(gold) }

    @Test("Numbers, times, money, addresses", arguments: [
        "Turn to p. 12 for the table.",
        "See Fig. 3 and Vol. 2 of the series.",
        "The parcel is item No. 4471 on the list.",
        "The ticket costs $45.50 at the door.",
        "The ticket costs $45.50. | Children go free.",
        "At 7 a.m. Mrs. Hill opened the shop. | She closed it at 6 p.m. | Mr. Hill then counted the money.",
        "Prices rose 2.5% in March.",
        "Call me at 555.123.4567 tomorrow.",
        "Write to anna.k@example.org. | She replies quickly.",
        "Read https://www.example.org/docs/index.html. | It explains everything.",
        "The road is 5 mi. long. | It takes an hour.",
        "Their shop is at N°. 27 Rue Cler. | It opens at nine.",
    ] as [GoldText])
    func numbersAndAddresses(_ gold: GoldText) throws { try check(gold) }

    @Test("Quotes and parentheses", arguments: [
        "He looked up, \"That was fast.\" he said.",
        "He looked up, 'That was fast.' he said.",
        "He looked up, \"That was fast.\" | Then he left the room.",
        "She teaches history (She once worked as a nurse.) at the college.",
        "“We are ready,” the minister said.",
    ] as [GoldText])
    func quotesAndParentheses(_ gold: GoldText) throws { try check(gold) }

    @Test("Lists", arguments: [
        "1.) Wash the cups | 2.) Dry the cups",
        "1.) Wash the cups. | 2.) Dry the cups.",
        "1) Wash the cups | 2) Dry the cups",
        "1. Wash the cups | 2. Dry the cups | 3. Stack the cups",
        "1. Wash the cups. | 2. Dry the cups.",
        "• 4. Wash the cups | • 5. Dry the cups",
        "⁃4. Wash the cups | ⁃5. Dry the cups",
        "a. Wash the cups | b. Dry the cups | c. Stack the cups",
    ] as [GoldText])
    func lists(_ gold: GoldText) throws { try check(gold) }

    @Test("Ellipses", arguments: [
        "I thought it was over.... | It was not.",
        "I was just ... well, you know.",
        "It was hard to say . . . I never knew.",
        "The quote ends here . . . . | A new sentence starts.",
        "Their plans were vague. | . . . The work never began.",
        "\"The old bridge [...] was rebuilt\" (Hale 12).",
    ] as [GoldText])
    func ellipses(_ gold: GoldText) throws { try check(gold) }
}

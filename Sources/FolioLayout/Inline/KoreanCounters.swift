/// Korean numbers and the counters (단위 명사) that follow them after a space: "100여 개국", "세 개의", "한 차례",
/// "여러 번". A line does not end between them unless nothing else fits (klreq: numbers keep their units).
enum KoreanCounters {
    /// Native numerals and number words that stand before a counter.
    static let numerals: Set<String> = ["한", "두", "세", "네", "다섯", "여섯", "일곱", "여덟", "아홉", "열", "스무", "몇", "여러", "수십", "수백", "수천", "수만"]
    /// Suffixes of a written number: "100여", "3천", "2만여".
    static let numberSuffixes: Set<Unicode.Scalar> = ["여", "십", "백", "천", "만", "억", "조"]
    /// Counters, matched at the start of the next word ("개" also counts "개국", "개월", "개의").
    static let counters: [[Unicode.Scalar]] = ["개", "명", "차례", "번", "곳", "건", "가지", "권", "장", "쪽", "회", "배", "살",
                                                "시간", "주일", "달", "해", "척", "대", "편", "통"].map { Array($0.unicodeScalars) }

    /// Whether the space between `before` and `after` parts a number from its counter. Every space of a paragraph
    /// is asked: the counter after it, which few words start with, is looked for first.
    static func binds(_ s: [Unicode.Scalar], before i: Int, after j: Int) -> Bool {
        guard BreakRules.isHangulSyllable(s[j]), counters.contains(where: { c in
            j + c.count <= s.count && s[j..<(j + c.count)].elementsEqual(c) && !startsLongerWord(s, at: j, counter: c)
        }) else { return false }
        var k = i
        while k > 0, !BreakRules.isBreakingSpace(s[k - 1]), s[k - 1] != "(" { k -= 1 }
        guard k < i else { return false }
        let word = s[k..<i]
        var digits = word.startIndex
        while digits < word.endIndex, BreakRules.isDigit(word[digits]) || word[digits] == "," { digits += 1 }
        return digits > word.startIndex ? word[digits...].allSatisfy { numberSuffixes.contains($0) }
            : numerals.contains(String(String.UnicodeScalarView(word)))
    }

    /// Counters of one syllable that begin other words: "대" of "대한", "장" of "장관", "회" of "회원", "배" of "배제".
    /// Such a word is a counter only when what follows it is a particle or the word's end.
    private static func startsLongerWord(_ s: [Unicode.Scalar], at j: Int, counter c: [Unicode.Scalar]) -> Bool {
        guard c.count == 1, c[0] != "개" else { return false }
        let next = j + 1
        guard next < s.count, BreakRules.isHangulSyllable(s[next]) else { return false }
        return !particles.contains(s[next])
    }

    /// Particles (the first syllable of one) that may follow a counter: "명이", "번의", "권을".
    static let particles: Set<Unicode.Scalar> = ["이", "가", "을", "를", "은", "는", "의", "에", "과", "와", "도", "만", "씩", "째", "으", "로", "까"]
}

/// Built-in sentences for `folio generate --language` when no source text is given: written for Folio (not
/// translations of a real document), on the subject of the sample report, one list per supported language
/// (Arabic's comes with the right-to-left work). Each holds a UN
/// document symbol and a URL somewhere, so that generated editions exercise their breaking rules too.
enum GeneratorTexts {
    static let sentences: [String: [String]] = [
        "en": [
            "People returned against their will are questioned by the security services and held in pre-trial detention.",
            "The Special Rapporteur recalled these obligations in document A/HRC/55/63.",
            "Families are rarely told where their relatives are held or what they are accused of.",
            "Testimonies collected between 2019 and 2024 describe beatings and forced labour.",
            "The commission of inquiry set out its findings in document A/HRC/25/63.",
            "None of the communications sent since 2021 has received an answer from the authorities.",
            "Independent monitors have still not been allowed to visit any place of detention.",
            "The Working Group asked for further information several times during the previous cycle.",
            "Further documents are published at https://www.ohchr.org/en/hr-bodies/upr for verification.",
            "Denying medical care to detainees is a serious violation of their rights.",
            "The Government should publish each year the number of people returned, by sex and age.",
            "Everyone shall be free to leave any country, including his own, and to return to it.",
            "The interviewees asked that their names and identifying details be withheld.",
        ],
        "fr": [
            "Les personnes renvoyées contre leur volonté sont interrogées par les services de sécurité.",
            "Le Rapporteur spécial a rappelé ces obligations dans le document A/HRC/55/63.",
            "Les familles sont rarement informées du lieu de détention de leurs proches.",
            "Les témoignages recueillis entre 2019 et 2024 décrivent des passages à tabac et du travail forcé.",
            "La commission d'enquête a exposé ses conclusions dans le document A/HRC/25/63.",
            "Aucune des communications envoyées depuis 2021 n'a reçu de réponse des autorités.",
            "Des observateurs indépendants n'ont toujours pas pu visiter un seul lieu de détention.",
            "Le Groupe de travail a demandé des informations complémentaires à plusieurs reprises.",
            "D'autres documents sont publiés sur https://www.ohchr.org/fr/hr-bodies/upr pour vérification.",
            "Le refus de soins médicaux aux personnes détenues constitue une violation grave de leurs droits.",
            "Le Gouvernement devrait publier chaque année le nombre de personnes renvoyées, par sexe et par âge.",
            "Toute personne est libre de quitter n'importe quel pays, y compris le sien, et d'y revenir.",
            "Les personnes interrogées ont demandé que leurs noms ne soient pas publiés.",
        ],
        "ko": [
            "강제로 송환된 사람들은 보위 기관의 조사를 받고 미결 구금 시설에 수용된다.",
            "특별보고관은 문서 A/HRC/55/63에서 이러한 의무를 다시 상기시켰다.",
            "가족들은 친척이 어디에 구금되어 있는지 거의 알지 못한다.",
            "2019년부터 2024년까지 수집한 증언은 구타와 강제노동을 전하고 있다.",
            "조사위원회는 문서 A/HRC/25/63에서 그 결론을 밝혔다.",
            "당국은 2021년 이후 보낸 어떤 서한에도 답하지 않았다.",
            "독립적인 감시자들은 아직 어떤 구금 시설도 방문하지 못했다.",
            "실무그룹은 지난 주기 동안 여러 차례 추가 정보를 요청하였다.",
            "그 밖의 문서는 https://www.ohchr.org/en/hr-bodies/upr 에서 확인할 수 있다.",
            "구금된 사람들에게 의료를 거부하는 것은 그들의 권리에 대한 중대한 침해이다.",
            "정부는 매년 송환된 사람의 수를 성별과 연령별로 공표해야 한다.",
            "모든 사람은 자국을 포함한 어느 나라로부터도 자유로이 떠날 수 있다.",
            "면담에 응한 사람들은 자신의 이름을 공개하지 말아 달라고 요청하였다.",
        ],
        "es": [
            "Las personas devueltas contra su voluntad son interrogadas por los servicios de seguridad.",
            "El Relator Especial recordó estas obligaciones en el documento A/HRC/55/63.",
            "Las familias raramente reciben información sobre el lugar de detención de sus parientes.",
            "Los testimonios recopilados entre 2019 y 2024 describen palizas y trabajos forzosos.",
            "La comisión de investigación publicó sus conclusiones en el documento A/HRC/25/63.",
            "Ninguna de las comunicaciones enviadas desde 2021 ha recibido respuesta de las autoridades.",
            "Los observadores independientes no han podido visitar ningún centro de detención preventiva.",
            "El Grupo de Trabajo solicitó información adicional en reiteradas ocasiones durante el ciclo anterior.",
            "Otros documentos pueden consultarse en https://www.ohchr.org/es/hr-bodies/upr para su verificación.",
            "La denegación de atención médica a los detenidos constituye una violación grave de sus derechos.",
            "Las autoridades deberían publicar cada año el número de personas devueltas, desglosado por sexo y edad.",
            "Toda persona tiene derecho a salir de cualquier país, incluso del propio, y a regresar a su país.",
            "Los entrevistados pidieron que sus nombres y datos de identificación no fueran publicados.",
        ],
        "ru": [
            "Возвращённых лиц допрашивают сотрудники служб безопасности и содержат в следственных изоляторах.",
            "Специальный докладчик напомнил об этих обязательствах в документе A/HRC/55/63.",
            "Семьям редко сообщают, где содержатся их родственники и в чём их обвиняют.",
            "Свидетельства, собранные с 2019 по 2024 год, описывают избиения и принудительный труд.",
            "Комиссия по расследованию изложила свои выводы в документе A/HRC/25/63.",
            "Власти не ответили ни на одно из сообщений, направленных им начиная с 2021 года.",
            "Независимые наблюдатели до сих пор не получили доступа к местам лишения свободы.",
            "Рабочая группа неоднократно запрашивала дополнительную информацию в ходе предыдущего цикла.",
            "Другие документы опубликованы на https://www.ohchr.org/ru/hr-bodies/upr и доступны для проверки.",
            "Отказ задержанным в медицинской помощи является серьёзным нарушением их прав.",
            "Правительству следует ежегодно публиковать число возвращённых лиц с разбивкой по полу и возрасту.",
            "Каждый человек имеет право покидать любую страну, включая свою собственную, и возвращаться в неё.",
            "Опрошенные просили не публиковать их имена и другие сведения, позволяющие установить личность.",
        ],
        "ja": [
            "送還された人々は、保安機関による取調べを受け、未決拘禁施設に収容される。",
            "特別報告者は、文書A/HRC/55/63でこれらの義務を改めて想起させた。",
            "家族が、親族の拘禁場所や容疑を知らされることはほとんどない。",
            "2019年から2024年までに集めた証言は、暴行と強制労働を伝えている。",
            "調査委員会は、その結論を文書A/HRC/25/63にまとめた。",
            "当局は、2021年以降に送られた通報のいずれにも回答していない。",
            "独立した監視者は、いまだに拘禁施設を訪問することができていない。",
            "作業部会は、前回の審査期間中に何度も追加の情報を求めた。",
            "その他の文書は https://www.ohchr.org/ja/hr-bodies/upr で確認することができる。",
            "拘禁された人々への医療の拒否は、その権利に対する重大な侵害である。",
            "政府は、毎年送還された人数を性別および年齢別に公表すべきである。",
            "すべての者は、いずれの国（自国を含む。）からも自由に離れることができる。",
            "聞き取りに応じた人々は、「名前を出さないでほしい」と求めた。",
        ],
        "zh": [
            "被遣返者受到安全部门的审讯，并被关押在审前拘留所。",
            "特别报告员在A/HRC/55/63号文件中重申了这些义务。",
            "家属很少被告知亲人被关押的地点以及所受的指控。",
            "2019年至2024年收集的证词描述了殴打和强迫劳动的情况。",
            "调查委员会在A/HRC/25/63号文件中阐述了其结论。",
            "自2021年以来，当局没有答复向其发出的任何来文。",
            "独立监察员至今仍未能访问任何拘留场所。",
            "工作组在上一轮审议期间曾多次要求提供补充资料。",
            "其他文件发布于https://www.ohchr.org/zh/hr-bodies/upr，可供核实。",
            "拒绝向被拘留者提供医疗服务严重侵犯了他们的权利。",
            "政府应每年公布被遣返人数，并按性别和年龄分列。",
            "人人有自由离开任何国家，包括其本国在内，并有权返回本国。",
            "受访者要求不公开其姓名和其他可识别身份的资料。",
        ],
    ]

    /// The built-in sentences for a language (its first subtag: zh-Hans and zh-Hant share the Chinese list).
    static func sentences(for language: String) -> [String]? {
        sentences[language] ?? sentences[String(language.split(separator: "-").first ?? "")]
    }

    /// The heading of part `n` ("Part 3", "제3부", "第3部").
    static func part(_ n: Int, language: String) -> String {
        switch String(language.split(separator: "-").first ?? "") {
        case "ko": "제\(n)부"
        case "ja": "第\(n)部"
        case "zh": "第\(n)部分"
        case "fr": "Partie \(n)"
        case "es": "Parte \(n)"
        case "ru": "Часть \(n)"
        default: "Part \(n)"
        }
    }
}

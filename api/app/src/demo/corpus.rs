//! The words demonstration data is made of: what residents of Tan-Tan, Tangier and Sefrou write
//! about, in Arabic, French and Tamazight, and what officials answer. Slots in braces are
//! filled by the generator: `{place}` a street or neighbourhood, `{n}` a small number,
//! `{department}` the category's service.

/// Index 0: Arabic, 1: French, 2: Tamazight (Tifinagh).
pub type Tri = [&'static str; 3];

/// Streets and neighbourhoods, per commune slug.
pub fn places(commune: &str) -> &'static [Tri] {
    match commune {
        "tangier" => &[
            ["شارع محمد الخامس", "boulevard Mohammed V", "ⴰⴱⵔⵉⴷ ⵎⵓⵃⵎⵎⴷ V"],
            ["حي بني مكادة", "quartier Bni Makada", "ⵜⴰⵏⵙⵙⵉⵜ ⵏ ⴱⵏⵉ ⵎⴽⴰⴷⴰ"],
            ["شارع باستور", "boulevard Pasteur", "ⴰⴱⵔⵉⴷ ⴱⴰⵙⵜⵓⵔ"],
            ["حي مسنانة", "quartier Mesnana", "ⵜⴰⵏⵙⵙⵉⵜ ⵏ ⵎⵙⵏⴰⵏⴰ"],
            ["طريق تطوان", "route de Tétouan", "ⴰⴱⵔⵉⴷ ⵏ ⵜⵉⵟⵟⴰⵡⵉⵏ"],
            ["حي البرانص", "quartier Branes", "ⵜⴰⵏⵙⵙⵉⵜ ⵏ ⴱⵔⴰⵏⵙ"],
            ["شارع مولاي رشيد", "avenue Moulay Rachid", "ⴰⴱⵔⵉⴷ ⵎⵓⵍⴰⵢ ⵔⵛⵉⴷ"],
            ["حي السواني", "quartier Souani", "ⵜⴰⵏⵙⵙⵉⵜ ⵏ ⵙⵙⵡⴰⵏⵉ"],
            ["ساحة الأمم", "place des Nations", "ⴰⵙⴰⵢⵙ ⵏ ⵜⴳⴷⵓⴷⵉⵏ"],
            ["حي مغوغة", "quartier Mghogha", "ⵜⴰⵏⵙⵙⵉⵜ ⵏ ⵎⵖⵓⵖⴰ"],
            [
                "شارع عبد الخالق الطريس",
                "avenue Abdelkhalek Torres",
                "ⴰⴱⵔⵉⴷ ⵄⴱⴷⵍⵅⴰⵍⵇ ⵟⵟⵔⵉⵙ",
            ],
            ["حي كسبراطا", "quartier Casabarata", "ⵜⴰⵏⵙⵙⵉⵜ ⵏ ⴽⴰⵙⴰⴱⴰⵔⴰⵜⴰ"],
            ["المدينة القديمة", "médina", "ⵜⴰⵎⴷⵉⵏⵜ ⵜⴰⵇⴱⵓⵔⵜ"],
            ["حي العوامة", "quartier Aouama", "ⵜⴰⵏⵙⵙⵉⵜ ⵏ ⵍⵄⵡⴰⵎⴰ"],
        ],
        "sefrou" => &[
            ["حي القلعة", "quartier El Kalaa", "ⵜⴰⵏⵙⵙⵉⵜ ⵏ ⵍⵇⵍⵄⴰ"],
            ["شارع محمد الخامس", "avenue Mohammed V", "ⴰⴱⵔⵉⴷ ⵎⵓⵃⵎⵎⴷ V"],
            ["حي حبونة", "quartier Habbouna", "ⵜⴰⵏⵙⵙⵉⵜ ⵏ ⵃⴱⴱⵓⵏⴰ"],
            [
                "ضفاف وادي أكاي",
                "berges de l'oued Aggai",
                "ⵜⵉⵔⵓⵍⴰ ⵏ ⵡⴰⵙⵉⴼ ⴰⴳⴳⴰⵢ",
            ],
            ["حي الملاح", "quartier du Mellah", "ⵜⴰⵏⵙⵙⵉⵜ ⵏ ⵍⵎⵍⵍⴰⵃ"],
            ["حي بنصفار", "quartier Bensafar", "ⵜⴰⵏⵙⵙⵉⵜ ⵏ ⴱⵏⵚⴼⴼⴰⵔ"],
            ["طريق فاس", "route de Fès", "ⴰⴱⵔⵉⴷ ⵏ ⴼⴰⵙ"],
            ["ساحة باب المقام", "place Bab Mkam", "ⴰⵙⴰⵢⵙ ⵏ ⴱⴰⴱ ⵎⵇⴰⵎ"],
            ["حي الصوامع", "quartier Sawmaa", "ⵜⴰⵏⵙⵙⵉⵜ ⵏ ⵚⵚⵡⴰⵎⵄ"],
        ],
        _ => &[
            ["شارع الحسن الثاني", "avenue Hassan II", "ⴰⴱⵔⵉⴷ ⵍⵃⴰⵙⴰⵏ II"],
            ["حي عين الرحمة", "quartier Aïn Rahma", "ⵜⴰⵏⵙⵙⵉⵜ ⵏ ⵄⵉⵏ ⵔⵔⵃⵎⴰ"],
            [
                "حي الشيخ أحمد الأمين",
                "quartier Cheikh Ahmed Lamine",
                "ⵜⴰⵏⵙⵙⵉⵜ ⵏ ⵛⵛⵉⵅ ⴰⵃⵎⴷ",
            ],
            ["ساحة الموسم", "place du Moussem", "ⴰⵙⴰⵢⵙ ⵏ ⵍⵎⵓⵙⵎ"],
            ["حي الوحدة", "quartier El Wahda", "ⵜⴰⵏⵙⵙⵉⵜ ⵏ ⵍⵡⴻⵃⴷⴰ"],
            [
                "طريق الطنطان الشاطئ",
                "route de Tan-Tan Plage",
                "ⴰⴱⵔⵉⴷ ⵏ ⵟⴰⵏⵟⴰⵏ ⵍⴱⵍⴰⵊ",
            ],
            ["حي الفتح", "quartier El Fath", "ⵜⴰⵏⵙⵙⵉⵜ ⵏ ⵍⴼⵜⵃ"],
            [
                "شارع محمد السادس",
                "boulevard Mohammed VI",
                "ⴰⴱⵔⵉⴷ ⵎⵓⵃⵎⵎⴷ VI",
            ],
        ],
    }
}

/// Titles per category code.
pub fn titles(category: &str) -> &'static [Tri] {
    match category {
        "roads_sidewalks" => &[
            [
                "حفرة كبيرة في {place}",
                "Nid-de-poule profond {place}",
                "ⴰⵏⵙⵓ ⴰⵎⵇⵔⴰⵏ ⴳ {place}",
            ],
            [
                "رصيف مكسور في {place}",
                "Trottoir défoncé {place}",
                "ⴰⴱⵔⴷⴰⵏ ⵉⵔⵥⴰ ⴳ {place}",
            ],
            [
                "الطريق محفورة منذ أشهر في {place}",
                "Chaussée éventrée depuis des mois {place}",
                "ⴰⴱⵔⵉⴷ ⵉⵔⵥⴰ ⵙⴳ ⵡⴰⵢⵢⵓⵔⵏ ⴳ {place}",
            ],
        ],
        "public_lighting" => &[
            [
                "إنارة عمومية معطلة في {place}",
                "Éclairage public en panne {place}",
                "ⵜⴰⴼⴰⵡⵜ ⵜⴰⴳⴷⵓⴷⴰⵏⵜ ⵜⵅⵙⵉ ⴳ {place}",
            ],
            [
                "{n} أعمدة إنارة مطفأة في {place}",
                "{n} lampadaires éteints {place}",
                "{n} ⵉⵙⵏⵙⴰ ⵏ ⵜⴼⴰⵡⵜ ⵅⵙⵉⵏ ⴳ {place}",
            ],
            [
                "ظلام دامس ليلا في {place}",
                "Rue plongée dans le noir la nuit {place}",
                "ⵜⴰⵍⵍⵙ ⴳ ⵢⵉⴹ ⴳ {place}",
            ],
        ],
        "waste_cleanliness" => &[
            [
                "تراكم النفايات في {place}",
                "Déchets non ramassés {place}",
                "ⵉⵣⴱⴰⵍⵏ ⵓⵔ ⵉⵜⵜⵓⵙⵎⵓⵏⵏ ⴳ {place}",
            ],
            [
                "حاوية أزبال ممتلئة في {place}",
                "Conteneur à ordures débordant {place}",
                "ⴰⵙⴰⴳⵓⵎ ⵏ ⵉⵣⴱⴰⵍⵏ ⵉⵛⵓⵕ ⴳ {place}",
            ],
            [
                "مطرح عشوائي في {place}",
                "Dépôt sauvage de gravats {place}",
                "ⴰⵙⵔⵙ ⵏ ⵉⵣⴱⴰⵍⵏ ⴳ {place}",
            ],
        ],
        "sanitation_drainage" => &[
            [
                "بالوعة مسدودة في {place}",
                "Égout bouché {place}",
                "ⴰⵏⵇⵇⴰⵙ ⵉⵜⵜⵓⵇⵇⵏ ⴳ {place}",
            ],
            [
                "تسرب مياه عادمة في {place}",
                "Fuite d'eaux usées {place}",
                "ⴰⵎⴰⵏ ⵉⵎⵔⴰⵢⵏ ⵜⵜⴼⴼⵖⵏ ⴳ {place}",
            ],
            [
                "فيضان الشارع بعد كل مطر في {place}",
                "Rue inondée à chaque pluie {place}",
                "ⴰⴱⵔⵉⴷ ⵉⵜⵜⴰⵔⵓ ⵙ ⵡⴰⵎⴰⵏ ⴳ {place}",
            ],
        ],
        "green_spaces" => &[
            [
                "حديقة مهملة في {place}",
                "Jardin public à l'abandon {place}",
                "ⴰⵔⵜⵜⴰⵏ ⵉⵜⵜⵓⵙⵙⵓⴼⵖⵏ ⴳ {place}",
            ],
            [
                "أشجار تحتاج إلى تقليم في {place}",
                "Arbres à élaguer {place}",
                "ⵉⵙⴳⵔⴰⵏ ⵔⴰⵏ ⴰⵙⵖⵣⵣⵓ ⴳ {place}",
            ],
            [
                "ألعاب أطفال مكسورة في {place}",
                "Jeux d'enfants cassés {place}",
                "ⵜⵉⵎⵓⵔⴰⵔⵉⵏ ⵏ ⵉⴼⵔⵅⴰⵏ ⵔⵥⴰⵏⵜ ⴳ {place}",
            ],
        ],
        "traffic_transport" => &[
            [
                "إشارة ضوئية معطلة في {place}",
                "Feu tricolore en panne {place}",
                "ⴰⵙⵎⴽⵜⴰ ⵏ ⵜⴼⴰⵡⵜ ⵉⵅⵙⵉ ⴳ {place}",
            ],
            [
                "غياب ممر الراجلين قرب المدرسة في {place}",
                "Pas de passage piéton devant l'école {place}",
                "ⵓⵍⴰ ⴰⴱⵔⵉⴷ ⵏ ⵉⵎⵙⵉⴽⵍⵏ ⴳ {place}",
            ],
            [
                "حافلة لا تمر في {place}",
                "Le bus ne passe plus {place}",
                "ⵜⴰⴽⴰⵔⵔⵓⵙⵜ ⵓⵔ ⵜⵣⵔⵔⵉ ⴳ {place}",
            ],
        ],
        "markets_street_trading" => &[
            [
                "احتلال الرصيف من طرف الباعة في {place}",
                "Trottoir occupé par des étals {place}",
                "ⴰⴱⵔⴷⴰⵏ ⵉⵜⵜⵓⵟⵟⴼ ⴳ {place}",
            ],
            [
                "سوق بدون نظافة في {place}",
                "Marché sans entretien {place}",
                "ⴰⵙⵡⴰⵇ ⴱⵍⴰ ⵜⴰⵣⴷⴳⵉ ⴳ {place}",
            ],
        ],
        "stray_animals_hygiene" => &[
            [
                "كلاب ضالة في {place}",
                "Chiens errants {place}",
                "ⵉⵇⵊⵊⵉⵏ ⴱⵍⴰ ⴱⴰⴱ ⴳ {place}",
            ],
            [
                "انتشار الحشرات والجرذان في {place}",
                "Rats et insectes {place}",
                "ⵉⵖⵔⴷⴰⵢⵏ ⴳ {place}",
            ],
        ],
        "public_buildings_sports" => &[
            [
                "ملعب القرب مغلق في {place}",
                "Terrain de proximité fermé {place}",
                "ⴰⵏⵏⴰⵔ ⵉⵇⵇⵏ ⴳ {place}",
            ],
            [
                "دار الشباب تحتاج إلى إصلاح في {place}",
                "Maison de jeunes à rénover {place}",
                "ⵜⴰⴷⴷⴰⵔⵜ ⵏ ⵉⵎⴰⵣⵣⴰⵏⵏ ⵜⵔⴰ ⴰⵙⵖⵓⴷⵓ ⴳ {place}",
            ],
        ],
        "accessibility" => &[
            [
                "رصيف بدون ممر للكراسي المتحركة في {place}",
                "Trottoir sans rampe pour fauteuils {place}",
                "ⴰⴱⵔⴷⴰⵏ ⴱⵍⴰ ⴰⴱⵔⵉⴷ ⵉ ⵉⵎⴷⴷⵓⴽⴰⵍ ⴳ {place}",
            ],
            [
                "مدخل إدارة غير ولوج في {place}",
                "Entrée d'administration inaccessible {place}",
                "ⴰⵏⴽⵛⵓⵎ ⵓⵔ ⵉⵜⵜⵓⴽⵛⴰⵎ ⴳ {place}",
            ],
        ],
        _ => &[
            [
                "مشكل يحتاج تدخل الجماعة في {place}",
                "Problème à signaler {place}",
                "ⵜⴰⵎⵓⴽⵔⵉⵙⵜ ⴳ {place}",
            ],
            [
                "لوحة تشوير ساقطة في {place}",
                "Panneau arraché {place}",
                "ⵜⴰⴼⵍⵡⵉⵜ ⵜⵓⴹⴰ ⴳ {place}",
            ],
        ],
    }
}

/// The first sentence of a description says what is wrong (per category, then generic).
pub fn openings(category: &str) -> &'static [Tri] {
    match category {
        "public_lighting" => &[
            [
                "الأعمدة لا تشتعل منذ أسابيع والشارع مظلم تماما.",
                "Les lampadaires ne s'allument plus depuis des semaines et la rue est totalement sombre.",
                "ⵉⵙⵏⵙⴰ ⵓⵔ ⵜⵜⵛⵄⵄⴰⵍⵏ ⵙⴳ ⵉⵎⴰⵍⴰⵙⵙ.",
            ],
            [
                "المصباح يشتعل وينطفئ طوال الليل.",
                "L'éclairage clignote toute la nuit.",
                "ⵜⴰⴼⴰⵡⵜ ⵜⵜⵛⵄⵄⴰⵍ ⵜⵅⵙⵙⵉ ⴳ ⵢⵉⴹ.",
            ],
        ],
        "waste_cleanliness" => &[
            [
                "لم تمر شاحنة جمع النفايات منذ {n} أيام والروائح لا تطاق.",
                "Le camion de collecte n'est pas passé depuis {n} jours et l'odeur est insupportable.",
                "ⵜⴰⴽⴰⵔⵔⵓⵙⵜ ⵏ ⵉⵣⴱⴰⵍⵏ ⵓⵔ ⵜⵣⵔⵉ ⵙⴳ {n} ⵡⵓⵙⵙⴰⵏ.",
            ],
            [
                "الأكياس مرمية على الرصيف والقطط تبعثرها.",
                "Les sacs s'entassent sur le trottoir et les chats les éventrent.",
                "ⵉⵇⵛⵓⵔⵏ ⴳ ⵓⴱⵔⴷⴰⵏ.",
            ],
        ],
        "sanitation_drainage" => &[[
            "المياه العادمة تخرج إلى الشارع وتصل إلى المنازل.",
            "Les eaux usées remontent dans la rue et atteignent les maisons.",
            "ⴰⵎⴰⵏ ⵉⵎⵔⴰⵢⵏ ⵜⵜⴼⴼⵖⵏ ⵖⵔ ⵓⴱⵔⵉⴷ.",
        ]],
        "roads_sidewalks" => &[
            [
                "الحفرة عمقها حوالي {n}0 سنتيمترا وتسببت في حوادث.",
                "Le trou fait environ {n}0 centimètres de profondeur et a déjà causé des chutes.",
                "ⴰⵏⵙⵓ ⵖⵣⵣⵉⴼ {n}0 ⵏ ⵙⴰⵏⵜⵉⵎⵉⵜⵔ.",
            ],
            [
                "الراجلون مضطرون للمشي وسط الطريق.",
                "Les piétons doivent marcher sur la chaussée.",
                "ⵉⵎⵙⵉⴽⵍⵏ ⵜⵜⵎⵓⵙⵙⵓⵏ ⴳ ⵡⴰⵎⵎⴰⵙ ⵏ ⵓⴱⵔⵉⴷ.",
            ],
        ],
        _ => &[
            [
                "المشكل قائم منذ مدة ولا أحد تدخل.",
                "Le problème dure depuis longtemps et personne n'est intervenu.",
                "ⵜⴰⵎⵓⴽⵔⵉⵙⵜ ⵜⴻⵍⵍⴰ ⵙⴳ ⵡⴰⴽⵓⴷ.",
            ],
            [
                "السكان اشتكوا عدة مرات دون نتيجة.",
                "Les habitants se sont plaints plusieurs fois sans résultat.",
                "ⵉⵎⵣⴷⴰⵖ ⵛⵜⴰⴽⵏ ⵎⴰⵏⵉⴳ ⵜⵉⴽⴽⴰⵍ.",
            ],
        ],
    }
}

/// Further sentences any description may carry.
pub const DETAILS: &[Tri] = &[
    [
        "الوضع خطير على الأطفال والمسنين.",
        "C'est dangereux pour les enfants et les personnes âgées.",
        "ⵉⵙⴰⵍⵍⴰ ⵉ ⵉⴼⵔⵅⴰⵏ ⴷ ⵉⵎⵖⴰⵔⵏ.",
    ],
    [
        "المكان قريب من مدرسة ابتدائية.",
        "L'endroit est juste à côté d'une école primaire.",
        "ⴰⴷⵖⴰⵔ ⵇⵔⵉⴱ ⵖⵔ ⵜⵉⵏⵎⵍ.",
    ],
    [
        "نطلب من المصالح المختصة التدخل في أقرب وقت.",
        "Nous demandons aux services concernés d'intervenir au plus vite.",
        "ⵏⵜⵜⵜⵔ ⵙⴳ ⵜⵏⴱⴰⴹⵉⵏ ⴰⴷ ⴽⵛⵎⵏⵜ ⵖⵉⵍⴰ.",
    ],
    [
        "سبق أن أبلغنا الملحقة الإدارية قبل {n} أسابيع.",
        "Nous l'avons déjà signalé à l'annexe administrative il y a {n} semaines.",
        "ⵏⵏⴰ ⴰⵙⵏ ⵜ ⵉ ⵜⵏⴱⴰⴹⵜ ⵙⴳ {n} ⵉⵎⴰⵍⴰⵙⵙ.",
    ],
    [
        "الصور متوفرة عند الحاجة.",
        "Des photos sont disponibles si besoin.",
        "ⵜⵉⵡⵍⴰⴼⵉⵏ ⵍⵍⴰⵏⵜ.",
    ],
    [
        "المشكل يتفاقم مع كل أسبوع.",
        "La situation empire chaque semaine.",
        "ⵜⴰⵎⵓⴽⵔⵉⵙⵜ ⵜⵜⵢⵓⴼⴰ ⴽⵓ ⵉⵎⴰⵍⴰⵙⵙ.",
    ],
    [
        "الحي يسكنه أكثر من {n}00 أسرة.",
        "Plus de {n}00 familles vivent dans le quartier.",
        "ⴳ ⵜⵏⵙⵙⵉⵜ ⵍⵍⴰⵏⵜ ⵓⴳⴳⴰⵔ ⵏ {n}00 ⵜⵡⵊⴰ.",
    ],
];

/// What residents add to a thread.
pub const RESIDENT_REPLIES: &[Tri] = &[
    [
        "نفس المشكل عندنا في الزنقة المجاورة.",
        "Même problème dans la rue d'à côté.",
        "ⵜⴰⵎⵓⴽⵔⵉⵙⵜ ⴰⴷ ⵜⵍⵍⴰ ⵖⵓⵔⵏⵖ.",
    ],
    [
        "أؤكد، مررت من هناك هذا الصباح.",
        "Je confirme, je suis passé ce matin.",
        "ⵣⵔⵉⵖ ⵙⴳ ⵖⵉⵏ ⴰⵙⵙⴰ ⵜⵉⴼⴰⵡⵜ.",
    ],
    [
        "شكرا على التبليغ، الوضع لا يطاق.",
        "Merci pour le signalement, la situation est intenable.",
        "ⵜⴰⵏⵎⵎⵉⵔⵜ ⵅⴼ ⵓⵙⵎⵎⴰⵍ.",
    ],
    [
        "هل من جديد؟ لا شيء تغير.",
        "Du nouveau ? Rien n'a changé.",
        "ⵉⵙ ⵉⵍⵍⴰ ⴽⵔⴰ ⵉⵎⵢⵓⵔⵏ?",
    ],
    [
        "تم الإصلاح جزئيا فقط.",
        "Réparé en partie seulement.",
        "ⵉⵜⵜⵓⵙⵖⵓⴷⵓ ⵖⴰⵙ ⵉⵛⵜ ⵜⴼⵍⵡⵉⵜ.",
    ],
    [
        "أضم صوتي، نحتاج حلا دائما.",
        "Je me joins à la demande, il faut une solution durable.",
        "ⵏⵔⴰ ⵜⴰⴼⵔⴰⵜ ⵉⵖⵣⵣⵉⴼⵏ.",
    ],
];

/// An official's first answer.
pub const OFFICIAL_ANSWERS: &[Tri] = &[
    [
        "شكرا على التبليغ. تم إخبار {department} وستتم المعاينة خلال هذا الأسبوع.",
        "Merci pour votre signalement. {department} est informé et passera constater cette semaine.",
        "ⵜⴰⵏⵎⵎⵉⵔⵜ. {department} ⵜⵙⵙⵏ ⵙ ⵓⵎⵓⴽⵔⵉⵙ.",
    ],
    [
        "توصلنا بطلبكم، وفريق {department} مبرمج للتدخل.",
        "Nous avons bien reçu votre demande ; une équipe de {department} est programmée.",
        "ⵏⴰⵎⵥ ⴰⵙⵓⵜⵔ ⵏⵏⵓⵏ; {department} ⴰⴷ ⵜⴽⵛⵎ.",
    ],
    [
        "المعاينة تمت، والأشغال ستنطلق قريبا حسب الميزانية المتوفرة.",
        "Le constat est fait ; les travaux commenceront selon le budget disponible.",
        "ⴰⵙⵏⵓⴱⴳ ⵉⵜⵜⵓⴳⴰ; ⵜⵉⵡⵓⵔⵉⵡⵉⵏ ⴰⴷ ⴱⴷⵓⵏⵜ.",
    ],
];

/// The note of a status change, per target status.
pub fn status_note(to: &str) -> Tri {
    match to {
        "acknowledged" => [
            "تم تسجيل الشكاية وإحالتها على المصلحة.",
            "Signalement enregistré et transmis au service.",
            "ⴰⵙⵎⵎⴰⵍ ⵉⵜⵜⵓⵣⵎⵎⴻⵎ.",
        ],
        "in_progress" => [
            "الأشغال جارية.",
            "Les travaux sont en cours.",
            "ⵜⵉⵡⵓⵔⵉⵡⵉⵏ ⵍⵍⴰⵏⵜ.",
        ],
        "planned" => [
            "التدخل مبرمج في التاريخ المحدد.",
            "Intervention programmée à la date indiquée.",
            "ⴰⴽⵛⵛⵓⵎ ⵉⵜⵜⵓⵙⵏⵓⵍⴼⵓ.",
        ],
        "resolved" => [
            "تم إصلاح المشكل. شكرا على صبركم.",
            "Le problème est réglé. Merci de votre patience.",
            "ⵜⴰⵎⵓⴽⵔⵉⵙⵜ ⵜⵜⵓⴼⵙⵉ.",
        ],
        "not_responsible" => [
            "هذا خارج اختصاص الجماعة، وقد تمت إحالته على الجهة المعنية.",
            "Hors compétence de la commune ; transmis à l'organisme responsable.",
            "ⵓⵔ ⵉⴷ ⵜⴰⵎⵙⵙⵓⵜⵍⵜ ⵏ ⵜⵎⵏⴰⴹⵜ.",
        ],
        "duplicate" => [
            "هذا البلاغ مكرر، تابعوا البلاغ الأصلي.",
            "Signalement en double : suivez le signalement d'origine.",
            "ⴰⵙⵎⵎⴰⵍ ⴰⴷ ⵉⵜⵜⵓⵙⵏⵖⵍ.",
        ],
        _ => [
            "لا يمكن قبول هذا البلاغ.",
            "Ce signalement ne peut pas être retenu.",
            "ⵓⵔ ⵉⵜⵜⵓⵇⴱⴰⵍ ⵓⵙⵎⵎⴰⵍ ⴰⴷ.",
        ],
    }
}

/// Bodies a commune hands problems to when they are not its own.
pub const RESPONSIBLE_BODIES: &[&str] = &[
    "Amendis (eau et électricité)",
    "ONEE – Branche Eau",
    "Direction provinciale de l'équipement",
    "Préfecture – Division des affaires économiques",
    "Régie autonome de distribution",
];

/// Petitions: title, request, reasons.
pub const PETITIONS: &[[Tri; 3]] = &[
    [
        [
            "إحداث مسبح جماعي",
            "Création d'une piscine communale",
            "ⴰⵙⵏⴼⵍⵓⵍ ⵏ ⵓⵎⵙⵍⵓⵢ ⴰⴳⴷⵓⴷⴰⵏ",
        ],
        [
            "نطالب المجلس بإدراج إحداث مسبح جماعي في برنامج عمل الجماعة.",
            "Nous demandons au conseil d'inscrire la création d'une piscine communale au programme d'action de la commune.",
            "ⵏⵜⵜⵜⵔ ⵙⴳ ⵓⵙⵇⵇⵉⵎ ⴰⴷ ⵢⴰⵔⵓ ⴰⵎⵙⵍⵓⵢ ⴳ ⵓⵖⴰⵡⴰⵙ ⵏ ⵜⵎⵏⴰⴹⵜ.",
        ],
        [
            "لا يوجد أي مسبح عمومي والشباب يسبحون في أماكن خطيرة.",
            "Il n'existe aucune piscine publique et les jeunes se baignent dans des endroits dangereux.",
            "ⵓⵍⴰ ⴰⵎⵙⵍⵓⵢ ⴰⴳⴷⵓⴷⴰⵏ.",
        ],
    ],
    [
        [
            "تهيئة مسار للدراجات",
            "Aménagement d'une piste cyclable",
            "ⴰⵙⵡⵓⴷⴷⵓ ⵏ ⵓⴱⵔⵉⴷ ⵏ ⵜⵉⴽⵍⵉⵜ",
        ],
        [
            "نطلب تهيئة مسار آمن للدراجات يربط الأحياء بوسط المدينة.",
            "Nous demandons une piste cyclable sûre reliant les quartiers au centre-ville.",
            "ⵏⵜⵜⵜⵔ ⴰⴱⵔⵉⴷ ⵏ ⵜⵉⴽⵍⵉⵜ ⵉⵇⵏⵏⵏ ⵜⵉⵏⵙⵙⵉⵜⵉⵏ.",
        ],
        [
            "ازدحام السير وتلوث الهواء يتفاقمان كل سنة.",
            "Les embouteillages et la pollution de l'air augmentent chaque année.",
            "ⴰⵙⵉⴽⵍ ⵉⵜⵜⵢⵓⴼⴰ ⴽⵓ ⴰⵙⴳⴳⵯⴰⵙ.",
        ],
    ],
    [
        [
            "فتح مكتبة الحي في المساء",
            "Ouverture en soirée de la bibliothèque de quartier",
            "ⴰⵕⵥⵥⵓⵎ ⵏ ⵜⵙⴷⵍⵉⵙⵜ ⴳ ⵜⴰⴷⴳⴳⵯⴰⵜ",
        ],
        [
            "نطالب بتمديد توقيت المكتبة إلى التاسعة ليلا.",
            "Nous demandons que la bibliothèque reste ouverte jusqu'à 21 heures.",
            "ⵏⵜⵜⵜⵔ ⴰⴷ ⵜⵇⵇⵉⵎ ⵜⵙⴷⵍⵉⵙⵜ ⵜⵕⵥⵥⵎ ⴰⵔ 21.",
        ],
        [
            "التلاميذ والطلبة يحتاجون مكانا للمراجعة بعد الدراسة.",
            "Les élèves et étudiants ont besoin d'un lieu pour réviser après les cours.",
            "ⵉⵏⵍⵎⴰⴷⵏ ⵔⴰⵏ ⴰⴷⵖⴰⵔ ⵏ ⵓⵍⵎⵎⵓⴷ.",
        ],
    ],
    [
        [
            "تشجير شوارع الحي",
            "Plantation d'arbres dans les rues du quartier",
            "ⴰⵙⵏⴳⵎⵉ ⵏ ⵉⵙⴳⵔⴰⵏ ⴳ ⵉⴱⵔⴷⴰⵏ",
        ],
        [
            "نطلب غرس الأشجار على جانبي الشوارع الرئيسية.",
            "Nous demandons la plantation d'arbres le long des rues principales.",
            "ⵏⵜⵜⵜⵔ ⴰⵙⵏⴳⵎⵉ ⵏ ⵉⵙⴳⵔⴰⵏ.",
        ],
        [
            "الحرارة في الصيف أصبحت لا تطاق.",
            "La chaleur en été est devenue insupportable.",
            "ⴰⵔⵖⵓ ⴳ ⵓⵏⴱⴷⵓ ⵓⵔ ⵉⵜⵜⵓⵙⵎⵓⵔⵙ.",
        ],
    ],
    [
        [
            "إحداث سوق نموذجي للباعة المتجولين",
            "Un marché de proximité pour les marchands ambulants",
            "ⴰⵙⵡⴰⵇ ⵉ ⵉⵎⵙⵏⵣⴰⵢⵏ",
        ],
        [
            "نطلب إحداث سوق منظم يستقبل الباعة المتجولين.",
            "Nous demandons un marché organisé pour accueillir les marchands ambulants.",
            "ⵏⵜⵜⵜⵔ ⴰⵙⵡⴰⵇ ⵉⵜⵜⵓⵙⵡⵓⴷⴷⵓⵏ.",
        ],
        [
            "الأرصفة محتلة والراجلون يمشون في الطريق.",
            "Les trottoirs sont occupés et les piétons marchent sur la route.",
            "ⵉⴱⵔⴷⴰⵏ ⵜⵜⵓⵟⵟⴼⵏ.",
        ],
    ],
];

/// Moroccan first names, in Latin and Arabic script.
pub const FIRST_NAMES: &[(&str, &str)] = &[
    ("Mohamed", "محمد"),
    ("Fatima", "فاطمة"),
    ("Youssef", "يوسف"),
    ("Khadija", "خديجة"),
    ("Ahmed", "أحمد"),
    ("Aicha", "عائشة"),
    ("Hassan", "حسن"),
    ("Meryem", "مريم"),
    ("Omar", "عمر"),
    ("Salma", "سلمى"),
    ("Karim", "كريم"),
    ("Nadia", "نادية"),
    ("Rachid", "رشيد"),
    ("Imane", "إيمان"),
    ("Said", "سعيد"),
    ("Hanane", "حنان"),
    ("Brahim", "إبراهيم"),
    ("Zineb", "زينب"),
    ("Amine", "أمين"),
    ("Laila", "ليلى"),
    ("Mustapha", "مصطفى"),
    ("Siham", "سهام"),
    ("Hamid", "حميد"),
    ("Touda", "تودة"),
    ("Idir", "إيدير"),
    ("Tilelli", "تيليلي"),
];

pub const FAMILY_NAMES: &[(&str, &str)] = &[
    ("El Idrissi", "الإدريسي"),
    ("Benali", "بنعلي"),
    ("Alaoui", "العلوي"),
    ("Bennani", "بناني"),
    ("Tazi", "التازي"),
    ("Amrani", "العمراني"),
    ("Chraibi", "الشرايبي"),
    ("Ouazzani", "الوزاني"),
    ("Berrada", "برادة"),
    ("Ait Ali", "آيت علي"),
    ("Oubaha", "أوباها"),
    ("Lahlou", "لحلو"),
    ("Zerouali", "الزروالي"),
    ("Naciri", "الناصري"),
    ("Bouzid", "بوزيد"),
    ("Aglou", "أكلو"),
];

//! The rules as data: every phrase the screener recognises, with the concern it raises, the reason a reviewer is
//! shown and an example the tests screen. The pattern language is described in the screener's module documentation.

use super::Concern;

/// One phrase the screener recognises.
pub(super) struct Rule {
    /// What a match raises: a concern, or a cue that counts only beside its partner in a [`Situation`].
    pub(super) raises: Raises,
    /// Why a reviewer is shown the answer, in plain words ("mentions ending their life").
    pub(super) reason: &'static str,
    /// The phrase, in the pattern language described in the module documentation.
    pub(super) pattern: &'static str,
    /// A sentence the rule must flag: every rule is tested against its own example.
    #[cfg_attr(not(test), expect(dead_code, reason = "read by the tests, which check every rule against it"))]
    pub(super) example: &'static str,
}

pub(super) const fn rule(concern: Concern, reason: &'static str, pattern: &'static str, example: &'static str) -> Rule {
    Rule { raises: Raises::Concern(concern), reason, pattern, example }
}

/// A rule that recognises one half of a situation; its example must match it, not flag.
const fn cue(cue: Cue, reason: &'static str, pattern: &'static str, example: &'static str) -> Rule {
    Rule { raises: Raises::Cue(cue), reason, pattern, example }
}

/// What a rule's match raises.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Raises {
    Concern(Concern),
    Cue(Cue),
}

/// Half of a situation: words that are ordinary alone and a concern beside their partner ("the voices are back"
/// is no flag, nor is "there's nobody now"; "the voices are back and there's nobody now" is).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Cue {
    /// Acute distress: voices, no sleep or food for days, spiralling, "in a bad way".
    CrisisState,
    /// No one to turn to: "nobody to talk to", "my cpn hasn't rung back", "they closed my case".
    NoSupport,
    /// A member of staff, by role.
    Staff,
    /// What staff must not do: contact outside work, remarks on a body, money, secrets, threats.
    Boundary,
    /// A child, by relation or age.
    Child,
    /// A sign that a child is unsafe: left alone, hurt, hungry, locked in.
    ChildHarm,
    /// A place people go to end their life: a bridge, a multi-storey, cliffs, a railway.
    HighPlace,
    /// Staying there or coming back: "stood there for ages", "stayed up there", "keep going back".
    Lingering,
    /// Medicines, by kind or by name.
    Medicine,
    /// Keeping them back: "saving", "stashed", "just in case", "nobody knows".
    Hoarding,
    /// Handing on what matters: a pet, a place, a ring, "my stuff".
    HandingOn,
    /// For when they are gone: "whatever happens", "after I'm gone", "for good".
    AfterThem,
    /// A menace to someone: "tell her to be careful", "she'll regret it", "I know where she lives".
    Menace,
    /// An ending, said as settled: "it'll all be over", "checking out for good", "my mind is made up".
    Finality,
    /// A time or a condition: "if", "once", "after", "on friday", "my birthday".
    Deadline,
    /// An amount of medicine: "30 of my tablets", "two months of zopiclone", "full of old prescriptions".
    MedicineAmount,
    /// A place things are hidden or kept out of sight: "in a drawer", "under my bed", "behind the bath panel".
    Stash,
    /// Thanks for everything: "thank you all for everything", "thanks for trying".
    Thanks,
    /// Not being around much longer: "you won't have to worry about me", "not needing any more appointments".
    NotAround,
    /// Looking a method up or working it out: "googling how long", "worked out how much".
    Research,
    /// What would kill, or an attempt stopped short: "bleed out", "it wouldn't take much", "would hold me",
    /// "before I bottled it".
    Lethal,
    /// A means at hand: a beam, a loft hatch, a hook, an engine running in a closed garage, a rope.
    Means,
    /// The respondent's own body: "my wrist", "my fists", "my arms".
    OwnBody,
    /// Injuring it on purpose: "on purpose", "till it bled", "against the wall".
    Injuring,
    /// Intimate pictures: "pics", "nudes", "videos of me".
    Images,
    /// A threat to share them: "or he'll post them", "unless I send more".
    ShareThreat,
}

/// How many kinds of [`Cue`] there are.
pub(super) const CUES: usize = 26;

/// Two cues near each other, in either order, that together raise a concern.
pub(super) struct Situation {
    pub(super) concern: Concern,
    pub(super) reason: &'static str,
    pub(super) cues: [Cue; 2],
    /// How many words may stand between the two.
    pub(super) window: usize,
    /// A sentence the situation must flag.
    #[cfg_attr(not(test), expect(dead_code, reason = "read by the tests, which check every situation against it"))]
    pub(super) example: &'static str,
}

const fn situation(
    concern: Concern,
    reason: &'static str,
    cues: [Cue; 2],
    window: usize,
    example: &'static str,
) -> Situation {
    Situation { concern, reason, cues, window, example }
}

pub(super) const SUICIDE: Concern = Concern::SuicidalThoughts;
pub(super) const SELF_HARM: Concern = Concern::SelfHarm;
pub(super) const OTHERS: Concern = Concern::HarmToOthers;
pub(super) const ABUSE: Concern = Concern::AbuseOrExploitation;
pub(super) const CARE: Concern = Concern::UnsafeCare;
pub(super) const CRISIS: Concern = Concern::CrisisWithoutSupport;

/// Parts of the body people harm.
macro_rules! body {
    () => {
        "arm|arms|wrist|wrists|leg|legs|thigh|thighs|skin|stomach|tummy|belly|hip|hips|chest|body"
    };
}
/// Medicines, as people name them.
macro_rules! tablets {
    () => {
        "tablets|tablet|pills|pill|meds|medication|medicine|paracetamol|painkillers|tabs|codeine|cocodamol|codamol|dihydrocodeine|nytol|insulin|antidepressants|sleeping"
    };
}
/// People someone might harm.
macro_rules! victim {
    () => {
        "someone|somebody|anyone|anybody|people|person|him|her|them|everyone|everybody|others|baby|babies|kids|kid|children|child|son|daughter|partner|husband|wife|boyfriend|girlfriend|mum|mam|mom|dad|brother|sister|neighbour|neighbours|flatmate|housemate|nurse|nurses|therapist|doctor|staff|carer|ex|man|woman"
    };
}
/// Verbs of violence, in the forms people write them.
macro_rules! violence {
    () => {
        "kill|kil|killing|killed|murder|murdering|murdered|stab|stabbing|stabbed|strangle|strangling|strangled|smother|smothering|smothered|hurt|hurting|harm|harming|harmed|attack|attacking|attacked|batter|battering|battered|punch|punching|punched|hit|hitting|poison|poisoning|poisoned|drown|drowning|drowned|throttle|throttling|choke|choking|slap|slapping|slapped|kick|kicking|kicked"
    };
}
/// Words a violent phrase never sits before in earnest: "hurt her feelings", "kill them with kindness".
macro_rules! not_violence {
    () => {
        "!3:feelings|feeling|up|out|off|back|hard|kindness|kindess|laughter|love|chances|jokes|joke|compliments|pride|chess|game|quiz|race|cards"
    };
}
/// People who abuse or exploit, as respondents name them.
macro_rules! abuser {
    () => {
        "he|she|they|partner|boyfriend|girlfriend|husband|wife|ex|dad|father|stepdad|stepfather|mum|mam|mom|mother|stepmum|stepmother|brother|sister|uncle|aunt|auntie|grandad|granddad|grandfather|grandma|nan|carer|carers|landlord|someone|somebody|man|men|boss|neighbour|neighbours|son|daughter|family|friend|friends|fiance|pimp|dealer|dealers|gang|cousin|lodger|flatmate|housemate|guy|bloke|patient|patients|resident|residents"
    };
}
/// What abusers do, with "me" or a child after it.
macro_rules! abuse {
    () => {
        "hit|hits|hitting|beat|beats|beating|beaten|batter*|punch*|kick|kicks|kicked|kicking|slap*|strangl*|choke|chokes|choked|choking|throttl*|grab|grabs|grabbed|grabbing|threaten*|rape|rapes|raped|raping|assault*|abuse|abuses|abused|abusing|molest*|hurt|hurts|hurting|bully|bullies|bullied|bullying|force|forces|forced|forcing|burn|burns|burnt|burned|attack*|blackmail*|control|controls|controlled|controlling|spit|spits|spat|drug|drugged|drugging|humiliat*|belittl*|threw|throws|slammed|slams|pinned|pins|dragged|drags|squeezed"
    };
}
/// Who an abuser does it to.
macro_rules! abused {
    () => {
        "me|us|kids|children|child|son|daughter|baby|babies|sister|brother|mum|mam|mom"
    };
}
/// People close to the respondent, for telling abuse from unsafe care ("he held me down").
macro_rules! close {
    () => {
        "he|she|partner|boyfriend|girlfriend|husband|wife|ex|dad|father|stepdad|mum|mother|brother|sister|uncle|son|daughter"
    };
}
/// People someone might be afraid of at home.
macro_rules! household {
    () => {
        "him|her|them|partner|husband|boyfriend|girlfriend|wife|dad|father|stepdad|ex|brother|uncle|mum|mother|family|landlord|pimp|dealer|dealers"
    };
}
/// Staff, and "they", which in feedback about a service is usually staff.
macro_rules! staff_or_they {
    () => {
        concat!(staff!(), "|they")
    };
}
/// Staff, by their roles.
macro_rules! staff {
    () => {
        "staff|pharmacist|pharmacists|nurse|nurses|doctor|doctors|dr|psychiatrist|psychiatrists|psychologist|psychologists|therapist|therapists|counsellor|worker|workers|cpn|cpns|hca|hcas|receptionist|receptionists|reception|security|guard|guards|coordinator|consultant|consultants|practitioner|practitioners|clinician|clinicians|facilitator|facilitators|team|manager|managers|police|officer|officers|paramedic|paramedics|gp|keyworker|member|members"
    };
}
/// Telling someone.
macro_rules! told {
    () => {
        "told|tell|telling|said|saying|rang|phoned|called|explained|begged|begging|asked|disclosed|mentioned|admitted|warned"
    };
}
/// Words that say a person was at risk when they told someone.
macro_rules! at_risk {
    () => {
        "unsafe|suicidal|suicide|overdose|overdosed|crisis|struggling|harm|harming|cutting|kill|die|dying|desperate|voices|hopeless|od|selfharm|selfharming|hang|hanging|ligature|attempt|attempted"
    };
}
/// Words that tie being sent away to being at risk: "sent home even though I was suicidal".
macro_rules! despite {
    () => {
        "though|despite|while|whilst|when|although|after|even|but|day|hours"
    };
}
/// Places in a service.
macro_rules! place {
    () => {
        "ward|wards|group|groups|service|clinic|unit|hospital|reception|building|centre|center|session|sessions|room|appointment|appointments|waiting"
    };
}
/// Words after "not safe" that make it about a place or a person, not the respondent's own safety.
macro_rules! somewhere {
    () => {
        "!in|at|on|with|around|near|when|because|going|walking|travelling|there|here|since|as|about|by|from|during|outside|inside|home|ward|group|driving|leaving|coming"
    };
}
/// Reasons for not being around that are not a farewell.
macro_rules! away {
    () => {
        "!6:holiday|holidays|away|work|working|because|since|due|appointment|wedding|funeral|abroad|visiting|moving|move|moved|college|uni|university|school|exam|exams|hospital|operation|surgery|busy|shift|shifts|childcare|off|week|weeks|days|month|months"
    };
}

/// Guards for a risk word named as a topic: "we talked about suicide", "the self-harm module".
macro_rules! topic {
    () => {
        concat!(
            " <!3:talked|talking|discussed|discussing|covered|covering|topic|topics|module|modules|leaflet|leaflets|",
            "session|sessions|workshop|workshops|course|courses|lesson|lecture|",
            "awareness|training|information|info|subject|subjects|talk|talks|poster|posters|stall|speaker|booklet|booklets|",
            "dangers|danger|risks|film|project|helpline|charity|essay|essays|dissertation|assignment|documentary|podcast|article",
            " !module|modules|session|sessions|workshop|workshops|leaflet|leaflets|training|awareness|prevention|policy|topic|",
            "risk|risks|support|poster|posters|talk|talks|stall|information|booklet|helpline|charity|services|course|film|",
            "project|triggers|resources|research|statistics|rates|pathway|first"
        )
    };
}

/// Things people cut or burn themselves with.
macro_rules! sh_object {
    () => {
        "razor|razors|blade|blades|sharpener|sharpeners|glass|compass|scissors|lighter|lighters|straighteners|cigarette|cigarettes|pins|knife|knives|scalpel|spoon|spoons|needle|needles|wire|ringpull|tweezers|iron"
    };
}
/// Clothes and dressings that hide a body.
macro_rules! clothes {
    () => {
        "sleeves|joggers|trousers|jeans|leggings|hoodie|hoodies|jumper|jumpers|tights|plasters|plaster|bandages|bandage|covered|cover|covering|hide|hiding|hidden|wear|wearing"
    };
}
/// People close to the respondent whom they might hurt.
macro_rules! victim_close {
    () => {
        "son|daughter|kids|kid|child|children|baby|partner|wife|husband|girlfriend|boyfriend|mum|mam|mom|dad|brother|sister|flatmate|housemate|nan|neighbour|dog|cat|grandson|granddaughter|toddler"
    };
}
/// Children, by relation.
macro_rules! child {
    () => {
        "kids|kid|children|child|baby|babies|toddler|toddlers|boy|boys|girl|girls|nephew|niece|nephews|nieces|grandson|granddaughter|grandchild|grandchildren|grandkids|newborn|youngest|eldest|son|daughter|stepson|stepdaughter"
    };
}
/// Places people go to end their life.
macro_rules! high_place {
    () => {
        "bridge|bridges|footbridge|overpass|carriageway|multi|storey|multistorey|roof|rooftop|rooftops|cliff|cliffs|edge|platform|platforms|tracks|railway|crossing|reservoir|river|canal|motorway|flyover|viaduct|pier|quarry|balcony|ledge|tower"
    };
}
/// Medicines by name, and the forms they come in.
macro_rules! drugs {
    () => {
        "sertraline|quetiapine|zopiclone|diazepam|fluoxetine|citalopram|mirtazapine|lithium|pregabalin|tramadol|propranolol|olanzapine|amitriptyline|venlafaxine|lamotrigine|aripiprazole|promethazine|zolpidem|lorazepam|clonazepam|gabapentin|oxycodone|morphine|clozapine|risperidone|haloperidol|paroxetine|duloxetine|escitalopram|temazepam|nitrazepam|trazodone|buprenorphine|methadone|chlorpromazine|valproate|carbamazepine|topiramate|clomipramine|nortriptyline|dosulepin|ibuprofen|aspirin|naproxen|prescription|prescriptions|blister|packs|packets"
    };
}

/// Every phrase the screener recognises. The pattern language is described in the module documentation.
pub(super) const RULES: &[Rule] = &[
    // ---- Suicidal thoughts: explicit
    rule(
        SUICIDE,
        "mentions killing themselves",
        "kill|kil|kll|killing|killin|killed|kiling ~1 myself !2:laughing|laughin|laugh|lol|lmao|haha|working|trying|running|rushing",
        "i want to kill myself",
    ),
    rule(
        SUICIDE,
        "mentions suicide or feeling suicidal",
        concat!(
            "suicid*|sucid*|suicd*|suisid*|suiced*|sucide*|suicde*|suiside* !prevention|awareness|training|squad|bomber|bombers|bombing",
            topic!()
        ),
        "i feel suicidal most days",
    ),
    rule(
        SUICIDE,
        "says they want to die",
        "want|wanted|wanting|wish|wishing|ready|desperate|longing ~1 to ~1 [be] die|dead|dying !of|laughing|laughin",
        "i just want to die",
    ),
    rule(
        SUICIDE,
        "says they want to die",
        "wish|wished|wishing|hope|hoping|pray|praying ~1 i ~2 dead|die|died|disappear|gone",
        "i wish i was dead",
    ),
    rule(SUICIDE, "says they want to die", "let|letting|leave ~1 me ~1 die", "they should have let me die"),
    rule(SUICIDE, "says they would rather be dead", "rather ~1 die|dead", "id rather be dead"),
    rule(
        SUICIDE,
        "wishes they had never been born",
        "wish|wished|wishing ~3 never|not ~2 born|existed|exist|alive",
        "i wish i had never been born",
    ),
    rule(SUICIDE, "says they would be better off dead", "better off|of ~1 dead", "id be better off dead"),
    rule(
        SUICIDE,
        "says others would be better off without them",
        "better|happier|easier ~2 without me",
        "everyone would be better off without me",
    ),
    rule(
        SUICIDE,
        "says others would be better off without them",
        "better off|of ~1 if i ~3 gone|dead|died|die|disappeared|existed|around|alive|here",
        "theyd be better off if i was gone",
    ),
    rule(
        SUICIDE,
        "mentions ending their life",
        "end|ending|ended|take|taking|took|taken|finish|finishing my ~1 life|lives !back|into|in|forward|seriously|for|again|story|journey|by|apart",
        "i keep thinking about taking my own life",
    ),
    rule(SUICIDE, "mentions ending their life", "end|ending it all", "been thinking about ending it all"),
    rule(SUICIDE, "mentions ending their life", "end|ending everything", "i want to end everything"),
    rule(
        SUICIDE,
        "mentions ending their life",
        "end|ending things !with|between|there|here|on|properly|well|nicely",
        "ive been thinking about ending things",
    ),
    rule(
        SUICIDE,
        "mentions ending their life",
        "want|going|plan|planning|think|thinking|ready|decided|might|could|will|about|just|like ~2 end|ending it >$|now|tonight|today|soon|all|forever|already|i|please|tomorrow",
        "i just want to end it",
    ),
    rule(SUICIDE, "mentions a method of suicide", "hang|hanging|hung ~1 myself", "i tried to hang myself"),
    rule(SUICIDE, "mentions a method of suicide", "noose|nooses", "ive bought a noose"),
    rule(
        SUICIDE,
        "mentions a method of suicide",
        "jump|jumping|jumped|throw|throwing|threw ~2 off|from ~3 bridge|building|roof|rooftop|cliff|cliffs|balcony|tower|motorway|window|carpark|multi|storey|flyover|overpass|tracks|railway",
        "thinking about jumping off the bridge near my house",
    ),
    rule(
        SUICIDE,
        "mentions a method of suicide",
        "jump|jumping|jumped|throw|throwing|threw|step|stepping|stepped|walk|walking|walked|run|running|ran|lie|lying|lay ~2 front|under ~3 train|trains|bus|buses|lorry|lorries|traffic|car|cars|truck|tram|van",
        "i want to throw myself under a train",
    ),
    rule(
        SUICIDE,
        "mentions a method of suicide",
        "walk|walking|walked|jump|jumping|jumped|run|running|ran|drive|driving|drove ~1 into ~2 sea|river|traffic|canal|lake|reservoir|wall|tree",
        "i keep thinking about walking into the sea",
    ),
    rule(
        SUICIDE,
        "mentions a method of suicide",
        "drown|drowning|shoot|shooting|shot|gas|gassing|poison|poisoning|electrocute|electrocuting|suffocate|suffocating|strangle|strangling|stab|stabbing|stabbed|smother ~1 myself !4:foot|feet|leg|laughing|work|coffee|tea|paperwork|sorrows|debt|books !a|an|some|up",
        "ive thought about drowning myself",
    ),
    rule(
        SUICIDE,
        "mentions a method of suicide",
        "slit|slitting|slash|slashing|cut|cutting ~1 wrist|wrists|throat !3:glass|tin|accidentally|accident|accidently|knife|cooking",
        "i want to slit my wrists",
    ),
    rule(SUICIDE, "mentions a method of suicide", "set|setting myself ~1 fire|alight", "i want to set myself on fire"),
    rule(SUICIDE, "mentions a method of suicide", "set|setting fire ~1 myself", "i thought about setting fire to myself"),
    rule(
        SUICIDE,
        "mentions thoughts of death",
        "think|thinking|thought|thoughts|obsessed|obsessing|fantasise|fantasising|fantasize|fantasizing|dream|dreaming|longing|long|wish|wishing|pray|praying ~1 about|of|for ~1 death|dying",
        "i think about death all the time",
    ),
    // ---- Suicidal thoughts: indirect
    rule(
        SUICIDE,
        "describes themselves as a burden",
        "am|feel|feeling|felt|be|being|become|becoming ~3 burden|burdens",
        "i feel like such a burden",
    ),
    rule(
        SUICIDE,
        "describes themselves as a burden",
        "not ~2 be ~2 problem|bother|nuisance|trouble|pain ~3 longer|long",
        "i wont be a problem much longer",
    ),
    rule(
        SUICIDE,
        "sees no point in going on",
        "no|not|what|see ~2 point ~3 living|life|alive|existing|anymore|anything|on|being|waking|carrying|continuing",
        "i dont see the point in going on",
    ),
    rule(
        SUICIDE,
        "says they cannot go on",
        "can not ~1 go|carry|keep ~1 on|going !the|a|an|holiday|holidays|trip|trips|about|at|with|to|my|this|that|in|top|track|time",
        "i cant go on like this",
    ),
    rule(
        SUICIDE,
        "says they cannot go on",
        "can not ~1 do|take|cope|handle|manage|stand|bear|live|face [this|it|life|everything|any|much|no|things] anymore|longer|more",
        "i cant do this anymore",
    ),
    rule(SUICIDE, "says they cannot go on", "can not ~1 live ~1 like|anymore", "i cant live like this"),
    rule(
        SUICIDE,
        "says they cannot go on",
        "can not ~1 face ~1 another|tomorrow|anything|life|living|waking|everything|going",
        "i cant face another day",
    ),
    rule(
        SUICIDE,
        "says they are tired of living",
        "tired|sick|done|exhausted|weary ~2 of|with ~2 living|life|alive|existing !3:admin|hold",
        "im so tired of living",
    ),
    rule(SUICIDE, "sees no way out", "no|only ~1 way out !2:car|building|room|parking|carpark", "theres no way out"),
    rule(
        SUICIDE,
        "says they have nothing to live for",
        "nothing|no ~3 live|living|alive !with|in|there|at|near|on|nearby|locally|close|together|under|here|abroad|independently|alone",
        "ive got nothing left to live for",
    ),
    rule(SUICIDE, "says life is not worth living", "not ~1 worth ~1 living|alive|existing|live", "life is not worth living"),
    rule(SUICIDE, "says life is not worth living", "life ~2 not ~1 worth", "life isnt worth it"),
    rule(
        SUICIDE,
        "wants everything to end",
        "want|wish|need|wanting ~2 all|everything ~1 to ~2 end|stop|over",
        "i want it all to stop",
    ),
    rule(SUICIDE, "wants everything to end", "wish ~3 all over", "i wish it was all over"),
    rule(SUICIDE, "says they feel hopeless", "feel|feeling|am ~2 hopeless !at|with|about", "i feel so hopeless"),
    rule(
        SUICIDE,
        "says they have given up",
        "given|give|giving|gave ~1 up ~1 on ~1 life|living|everything|myself",
        "ive given up on life",
    ),
    rule(SUICIDE, "says there is nothing left for them", "nothing ~1 left ~2 for me", "theres nothing left for me"),
    rule(SUICIDE, "says they have no future", "i|me ~2 no ~1 future", "i have no future"),
    rule(SUICIDE, "says they have no future", "not ~2 see ~2 future", "i dont see a future for myself"),
    rule(
        SUICIDE,
        "mentions goodbye letters",
        "goodbye ~1 letter|letters|note|notes|message|messages|video|videos",
        "ive written my goodbye letters",
    ),
    rule(SUICIDE, "mentions goodbye letters", "letter|letters|note|notes ~5 goodbye", "ive written letters to say goodbye"),
    rule(
        SUICIDE,
        "mentions goodbye letters",
        "written|wrote|writing|write ~2 letters|notes ~3 family|kids|children|mum|dad|everyone|loved|partner|husband|wife|son|daughter|friends",
        "i wrote notes for my family",
    ),
    rule(SUICIDE, "sounds like a farewell", "goodbye ~1 forever|world", "goodbye forever"),
    rule(SUICIDE, "sounds like a farewell", "not ~1 blame ~1 yourself|yourselves", "please dont blame yourselves"),
    rule(
        SUICIDE,
        "sounds like a final message",
        "last ~1 time|message|note|words ~4 hear|see|hearing|seeing|speak|speaking ~1 from|me",
        "this is the last time youll hear from me",
    ),
    rule(SUICIDE, "sounds like a final message", "never|not ~1 hear|see|hearing ~1 me ~1 again", "you wont hear from me again"),
    rule(
        SUICIDE,
        "mentions giving their things away",
        concat!("giving|gave|given|give ~3 things|stuff|belongings|possessions|pets|cat|dog ~1 away ", "!3:charity|shop|oxfam|clearout"),
        "ive been giving my things away",
    ),
    rule(
        SUICIDE,
        "mentions giving their things away",
        "giving|gave|given|give ~1 away ~3 things|stuff|belongings|possessions|pets|cat|dog|everything !3:charity|shop|oxfam",
        "i gave away all my stuff",
    ),
    rule(SUICIDE, "mentions putting their affairs in order", "affairs ~1 in ~1 order", "ive put my affairs in order"),
    rule(
        SUICIDE,
        "mentions putting their affairs in order",
        "written|wrote|made|making|done|sorted|updated|writing ~2 will >$|and|out|so|already|i|this|today|yesterday|last|just|now|recently",
        "ive written my will",
    ),
    rule(
        SUICIDE,
        "hints they will not be around",
        concat!("not ~3 be ~1 around|here <!would|could|did|should !in|at|on|today|tonight|tomorrow ", away!(), " <", away!()),
        "i wont be around for the next session",
    ),
    rule(
        SUICIDE,
        "hints they will not be around",
        concat!("will|ill|going|soon ~2 be ~1 gone !for|a|on|in|at ", away!(), " <", away!()),
        "ill be gone soon anyway",
    ),
    rule(
        SUICIDE,
        "says they do not want to be alive",
        "not ~1 want|wish ~1 to ~1 be ~1 here|around <!did|could|would >anymore|$|now|no|much|any|on|ever|forever|longer|alive|i",
        "i dont want to be here anymore",
    ),
    rule(
        SUICIDE,
        "says they do not want to be alive",
        "not ~1 want|wish ~1 to ~2 live|exist|alive|living|existing <!did !with|in|there|at|near|alone|on|by|here|abroad|together|nearby|locally|close|far",
        "i dont want to live",
    ),
    rule(SUICIDE, "wishes not to wake up", "sleep ~4 not|never ~1 wake", "i just want to sleep and not wake up"),
    rule(SUICIDE, "wishes not to wake up", "sleep|asleep ~1 forever !on|in|after", "i want to sleep forever"),
    rule(
        SUICIDE,
        "wishes not to wake up",
        "hope|wish|want|pray|praying|hoping|wishing ~3 not|never ~1 wake|waking !2:late|early|time|before|till|until|in",
        "i hope i dont wake up tomorrow",
    ),
    rule(
        SUICIDE,
        "wonders whether anyone would notice if they were gone",
        "nobody ~1 would|will ~2 notice|care|miss|mourn|cry ~2 if|when|once i",
        "nobody would notice if i was gone",
    ),
    rule(
        SUICIDE,
        "wonders whether anyone would notice if they were gone",
        "nobody ~1 would|will ~2 miss me",
        "no one would even miss me",
    ),
    rule(
        SUICIDE,
        "wonders whether anyone would notice if they were gone",
        "nobody ~1 would|will ~2 notice|care|know >$",
        "nobody would care",
    ),
    rule(
        SUICIDE,
        "wonders whether anyone would notice if they were gone",
        "would|will ~1 anyone|anybody ~2 notice|care|miss !to|about|for",
        "would anyone even notice",
    ),
    rule(
        SUICIDE,
        "wonders whether anyone would notice if they were gone",
        "if i ~2 gone|dead|died|die|disappeared|disappear|vanished",
        "what if i just disappeared",
    ),
    rule(
        SUICIDE,
        "mentions a plan",
        "made|got|have|had|making ~1 plan !with|for|about|of|to|together|at|this|next|tonight|tomorrow|today|on|in|b|c|sorted|ready",
        "ive made a plan",
    ),
    rule(
        SUICIDE,
        "mentions a plan",
        "know|planned|planning|worked|decided|figured|thought ~2 how|when|where ~2 would|will|could|going|am ~2 do|end|die",
        "i know how i would do it",
    ),
    rule(
        SUICIDE,
        "mentions researching ways to die",
        "research|researching|researched|googled|googling|looked|looking|searched|searching ~3 ways|methods|how ~3 die|kill|end|overdose|od|hang !time",
        "ive been googling ways to die",
    ),
    rule(
        SUICIDE,
        "mentions stockpiling medication",
        concat!("stockpil*|hoard*|saving|saved|save|stash*|hiding|hid|hidden|storing|stored|squirrel* ~3 ", tablets!()),
        "ive been saving up my tablets",
    ),
    rule(
        SUICIDE,
        "mentions stockpiling medication",
        "collect|collecting|collected|buying|bought|buy ~3 paracetamol|painkillers|packets|packs|boxes !3:pharmacy|chemist|chemists|boots|surgery|gp|prescription|headache|migraine|period|back|tooth|toothache|kids|cold|flu",
        "ive been buying paracetamol every time i go out",
    ),
    rule(
        SUICIDE,
        "mentions stockpiling medication",
        concat!(tablets!(), " ~2 saved|stockpiled|hidden|stashed|hoarded|squirrelled|squirreled"),
        "ive got pills stashed in my room",
    ),
    rule(
        SUICIDE,
        "mentions stockpiling medication",
        concat!("enough ~2 ", tablets!(), " ~1 to ~1 kill|die|end|do|overdose|od|finish"),
        "ive got enough pills to do it",
    ),
    rule(
        SUICIDE,
        "worries they will \"do something stupid\"",
        "might|could|will|would|going|scared|afraid|worried|terrified|frightened|before ~3 something|anything ~1 stupid|silly|daft|drastic",
        "im scared ill do something stupid",
    ),
    rule(
        SUICIDE,
        "says they are not safe",
        concat!("am|feel|feeling|be|being ~2 unsafe ", somewhere!(), " !2:drive|travel|park|cycle|work|operate <!2:if|when|whenever|case"),
        "i feel unsafe",
    ),
    rule(
        SUICIDE,
        "says they are not safe",
        concat!(
            "i|am|feel|feeling|keep|keeping|myself ~2 not ~1 safe ",
            somewhere!(),
            " !2:drive|travel|park|cycle|work|operate <!2:if|when|whenever|case"
        ),
        "im not safe",
    ),
    rule(SUICIDE, "says they are not safe", "not ~1 safe ~2 myself", "i dont feel safe from myself"),
    rule(
        SUICIDE,
        "says they are not safe",
        "not|struggling|struggle|hard|unable|difficult ~2 keep ~1 myself|me ~1 safe",
        "i cant keep myself safe",
    ),
    rule(
        SUICIDE,
        "says they are not safe",
        "not ~3 can|could ~1 keep ~1 myself|me ~1 safe",
        "i dont think i can keep myself safe tonight",
    ),
    rule(
        SUICIDE,
        "says they cannot go on",
        "how ~1 much ~1 longer ~4 keep|go|cope|take|carry|last|survive|hold|live|handle !2:wait|waiting|for",
        "i dont know how much longer i can keep going",
    ),
    rule(SUICIDE, "sees no point in going on", "what ~2 point >$", "honestly whats the point"),
    rule(SUICIDE, "sees no point in going on", "point ~2 it all", "whats the point of it all"),
    rule(SUICIDE, "sees no point in themselves", "point ~1 of|in ~1 me|myself >$|anymore|being|existing|even|i", "honestly whats the point of me"),
    rule(SUICIDE, "wants everything to end", "want|wish|need|just ~3 pain ~1 to ~2 stop|end|over", "i want the pain to stop"),
    rule(SUICIDE, "wants everything to end", "want|wish ~1 it ~1 to ~1 stop|end >$ <!2:did", "i just want it to stop"),
    rule(
        SUICIDE,
        "says others would be better off without them",
        "would|will|be ~2 better off|of >$",
        "i keep thinking everyone would be better off",
    ),
    rule(SUICIDE, "says they want to disappear", "want|wish ~1 to ~1 disappear|vanish !2:for|from|into", "i want to disappear"),
    rule(
        SUICIDE,
        "wishes not to wake up",
        "not ~1 want|wish ~1 to ~1 wake !2:early|late|at|in|before|till|until",
        "i dont want to wake up",
    ),
    rule(
        SUICIDE,
        "mentions researching ways to die",
        concat!("how ~1 many ~2 ", tablets!(), " ~3 take|takes|kill|die|need|would|to !2:day|daily|night|morning|each|every|a|with|together|alongside|per|in"),
        "ive been looking up how many paracetamol it takes",
    ),
    rule(
        SUICIDE,
        "mentions a method of suicide",
        "bought|got|have|hidden|hiding|hid|kept|keep ~2 rope|ropes|noose !swing|ladder|climbing",
        "i have a rope in my wardrobe",
    ),
    rule(
        SUICIDE,
        "says they have had enough",
        "had|having ~1 enough ~2 everything|life|living|existing|all|world",
        "ive had enough of everything",
    ),
    rule(SUICIDE, "says they hate their life", "hate ~1 my ~1 life|existence", "i hate my life"),
    rule(SUICIDE, "says they hate their life", "hate ~1 being ~1 alive|living|me", "i hate being alive"),
    rule(SUICIDE, "says they feel trapped", "feel|feeling|am ~2 trapped !3:job|lift|traffic|queue|car|work", "i feel trapped"),
    rule(SUICIDE, "sees no way out", "see ~2 way out !2:car|building|room|parking|carpark", "i cant see a way out"),
    rule(SUICIDE, "says life is pointless", "life|living|everything|existence ~2 pointless|meaningless", "life is pointless"),
    rule(
        SUICIDE,
        "says they are in crisis",
        "am|are ~2 in ~1 crisis !team|line|cafe|house|service|services|number|plan|team's <!2:if|when|whenever|case",
        "im in crisis",
    ),
    rule(SUICIDE, "says they are in crisis", "am ~3 dark ~1 place", "im in a really dark place"),
    rule(SUICIDE, "mentions dark thoughts", "dark|darker|bad|horrible|scary ~1 thoughts", "ive been having dark thoughts"),
    rule(SUICIDE, "asks for urgent help", "^ help|helpme >$", "help"),
    rule(
        SUICIDE,
        "asks for urgent help",
        "please|someone|somebody|anyone|anybody ~1 help ~1 me|us >$|please|now",
        "please help me",
    ),
    rule(SUICIDE, "asks for urgent help", "need ~2 help ~1 now|urgently|asap|tonight|today", "i need help now"),
    rule(
        SUICIDE,
        "says they are somewhere high or on the edge",
        "standing|stood|stand|sat|sitting|am|balancing ~3 bridge|ledge|roof|rooftop|cliff|edge !3:seat|comfort|reason|tears",
        "im standing on a bridge right now",
    ),
    rule(
        SUICIDE,
        "mentions a method of suicide",
        "think|thinking|thought|urge|urges ~2 jumping|jump >$|every|when|off|in|from|again",
        "i think about jumping every time im on a platform",
    ),
    rule(
        SUICIDE,
        "says they have tablets ready",
        concat!(tablets!(), " ~3 front|ready|lined|counted !3:nurse|nurses|pharmacist|staff|them|everyone|doctor"),
        "ive got the tablets in front of me",
    ),
    rule(SUICIDE, "says it is too late", "too ~1 late ~3 taken|took|done|swallowed", "its too late ive already taken them"),
    rule(SUICIDE, "mentions goodbye letters", "wrote|written|left|leaving|writing ~1 a ~1 note >$", "i left a note"),
    rule(
        SUICIDE,
        "sounds like a final message",
        "find|found ~1 me|body ~3 morning|tomorrow|dead",
        "theyll find me in the morning",
    ),
    rule(SUICIDE, "sounds like a final message", "tell ~2 i ~1 love|loved ~1 her|him|them|you", "tell my mum i love her"),
    rule(SUICIDE, "sounds like a farewell", "sorry ~1 for ~1 everything >$", "sorry for everything"),
    rule(SUICIDE, "sounds like a farewell", "this ~1 is ~1 goodbye|farewell", "this is goodbye"),
    rule(SUICIDE, "sounds like a farewell", "love ~2 all|everyone ~1 goodbye", "i love you all goodbye"),
    rule(
        SUICIDE,
        "hints they will not be around",
        "will|going ~1 not ~1 need ~3 appointment|appointments|session|sessions|support|meds|medication|tablets|prescription !6:better|doing|well|discharged|finished|moving|holiday|because|since|as",
        "i wont need my next appointment",
    ),
    rule(
        SUICIDE,
        "mentions their own funeral",
        "planned|planning|plan|thinking|thought|think|organised|organising|arranged|arranging|paid|chosen|choose|picked|picking ~2 my [own] funeral",
        "ive planned my funeral",
    ),
    // ---- Self-harm
    rule(
        SELF_HARM,
        "mentions hurting themselves",
        "hurt|hurting|harm|harming|injure|injuring|punish|punishing|hurted|harmed|injured|punished ~1 myself !3:falling|fell|fall|slipped|slipping|tripped|tripping|playing|football|gym|exercising|running|lifting|accidentally|accident|accidently|cooking|working|moving|dancing",
        "i want to hurt myself",
    ),
    rule(SELF_HARM, "mentions self-harm", concat!("self harm*|injur*|mutilat*", topic!()), "i self harm when it gets bad"),
    rule(SELF_HARM, "mentions self-harm", concat!("selfharm*|selfinjur*", topic!()), "selfharming again"),
    rule(SELF_HARM, "mentions self-harm", "sh'd|sh'ing|shing|sh'ed", "i sh'd last night"),
    rule(
        SELF_HARM,
        "mentions a relapse",
        "relapsed|relapse|relapsing !2:alcohol|drinking|drink|drugs|weed|cocaine|gambling|smoking|vaping|eating|binge|prevention|plan|signature|signs",
        "i relapsed last night",
    ),
    rule(
        SELF_HARM,
        "mentions urges to self-harm",
        "urges|urge ~2 back|returned|returning|stronger|worse|unbearable",
        "the urges are back",
    ),
    rule(
        SELF_HARM,
        "mentions urges to self-harm",
        "getting|having|get|have|strong|bad|horrible|awful ~2 urges|urge >$|again|tonight|lately|recently",
        "i keep getting urges",
    ),
    rule(
        SELF_HARM,
        "mentions self-harm",
        "been|to|relapsed|relapse|did|do|started|starting|urge|urges|of|about|my|into ~1 sh",
        "i relapsed on sh",
    ),
    rule(
        SELF_HARM,
        "mentions self-harm",
        "sh again|urges|urge|thoughts|scars|cuts|marks|wounds",
        "sh urges are really bad",
    ),
    rule(
        SELF_HARM,
        "mentions cutting themselves",
        "cut|cutting|cuts|slash|slashing|slashed|slice|slicing|sliced|carve|carving|carved ~1 myself !3:shaving|cooking|chopping|peeling|opening|accidentally|accident|accidently|gardening|tin|paper|off|out|short|some|slack|free|loose",
        "been cutting myself again",
    ),
    rule(
        SELF_HARM,
        "mentions harming their body",
        concat!(
            "cut|cutting|cuts|slash|slashing|slashed|carve|carving|carved|burn|burning|burnt|burned|scald|scalding|scalded|scratch|scratching|scratched|pick|picking|picked|punch|punching|punched|hit|hitting ~1 my ~1 ",
            body!(),
            " !3:oven|kettle|iron|ironing|hob|stove|pan|tin|shaving|cooking|accidentally|accident|accidently|door|table|cupboard|corner|doorframe|sun|sunburn|fell|falling|slipped|playing|football|glass|stairs|step|steps|floor|fence|bike|garden|gardening",
            " <!4:fell|fall|falling|slipped|tripped|accidentally|accident|accidently|cooking|gardening|shaving"
        ),
        "i cut my arms last night",
    ),
    rule(SELF_HARM, "mentions cutting again", "cutting|cut|harming again", "im cutting again"),
    rule(
        SELF_HARM,
        "mentions cutting or burning themselves",
        "i ~1 cut|burn|cutting|burning >$|again|when|every|most|sometimes|lately|too|now|still|daily|regularly",
        "i used to cut but now i burn",
    ),
    rule(
        SELF_HARM,
        "mentions scratching themselves",
        "scratch|scratching|scratched ~1 myself >$|until|till|when|again|badly|raw",
        "i scratch myself when im upset",
    ),
    rule(
        SELF_HARM,
        "mentions urges to cut or burn",
        "been|started|starting|start|keep|kept|still|urge|urges|want|wanting|need|needing|like ~2 cutting|cut|burning|burn >$|again|and|but|so|lately|recently|more|every|since|when|because|at|i|badly|deeper|deep|myself|too|loads|tonight|now|yesterday|today|last|all|or",
        "i keep wanting to cut",
    ),
    rule(
        SELF_HARM,
        "mentions urges to self-harm",
        "urge|urges|urging|compulsion ~2 cut|burn|sh|bleed|self|selfharm",
        "the urges to cut are so strong",
    ),
    rule(
        SELF_HARM,
        "mentions urges to self-harm",
        "urge|urges|urging|compulsion ~2 hurt|harm >myself|$|again|tonight",
        "i get urges to hurt",
    ),
    rule(SELF_HARM, "mentions making themselves bleed", "until|till|til|untill ~2 bleed|bleeds|bleeding|bled", "i scratch until i bleed"),
    rule(SELF_HARM, "mentions making themselves bleed", "make|made|making ~1 myself ~1 bleed", "i make myself bleed"),
    rule(
        SELF_HARM,
        "mentions burning themselves",
        "burn|burning|burnt|burned|scald|scalding|scalded ~1 myself !3:oven|kettle|iron|ironing|hob|stove|pan|straighteners|cooking|accidentally|accident|accidently|sun|sunbathing|tea|coffee|out|toast",
        "i burn myself with a lighter",
    ),
    rule(
        SELF_HARM,
        "mentions taking too many tablets",
        concat!(
            "took|take|taken|taking|swallowed|swallow|necked|downed ~1 #num ~1 ",
            tablets!(),
            " !2:a|day|daily|each|every|twice|times|morning|night|as|at|for"
        ),
        "i took 20 paracetamol",
    ),
    rule(
        SELF_HARM,
        "mentions an overdose",
        concat!("overdos*|od|od'd|oded|od'ed|oding|od'ing|ods", topic!()),
        "took an overdose last month",
    ),
    rule(
        SELF_HARM,
        "mentions taking too many tablets",
        concat!(
            "took|take|taken|taking|swallow|swallowed|swallowing|necked|downed ~1 too|all|handful|handfuls|load|loads|packet|packets|box|boxes|whole|bunch|lots|hundreds|dozens|fistful|fistfuls ~3 ",
            tablets!(),
            " !2:as|properly|regularly|every|daily|on|at|each|prescribed|with"
        ),
        "i took a load of pills",
    ),
    rule(
        SELF_HARM,
        "mentions swallowing or drinking something harmful",
        "swallow|swallowed|swallowing|drank|drink|drinking|ate|eat|eating ~2 batteries|battery|blades|blade|razor|razors|bleach|screws|nails|pins|antifreeze|chemicals|detergent|disinfectant",
        "i swallowed batteries",
    ),
    rule(SELF_HARM, "mentions a ligature", "ligatur*", "i tied a ligature"),
    rule(SELF_HARM, "mentions a ligature", "tie|tied|tying ~3 round|around ~2 neck|throat", "i tied something round my neck"),
    rule(SELF_HARM, "mentions blades or razors", "blade|blades|razor|razors <!shoulder|rotor|roller|grass", "i keep blades hidden in my room"),
    rule(SELF_HARM, "mentions starving themselves", "starve|starving|starved ~1 myself", "i have been starving myself"),
    rule(
        SELF_HARM,
        "mentions doing something to their body",
        concat!("thing|things|stuff|that|it ~1 to my ~1 ", body!()),
        "ive started doing that thing to my arms again",
    ),
    rule(
        SELF_HARM,
        "mentions doing something to their body",
        concat!("thing|things ~1 on|with my ~1 ", body!()),
        "doing them things on my legs again",
    ),
    rule(
        SELF_HARM,
        "mentions wounds or hiding them",
        "fresh|new|more|deep|deeper|infected|open ~1 cuts|cut|marks|scars|wounds|burns !to|in|from",
        "i have fresh cuts",
    ),
    rule(
        SELF_HARM,
        "mentions wounds or hiding them",
        "hide|hiding|hid|cover|covering|covered ~3 scars|cuts|marks|arms|wrists|wounds|burns",
        "i wear long sleeves to hide my arms",
    ),
    rule(
        SELF_HARM,
        "mentions wounds or hiding them",
        "sleeves ~4 hide|cover|hiding|covering|see|sees|notice",
        "always wear sleeves so nobody sees",
    ),
    rule(
        SELF_HARM,
        "mentions hitting themselves or walls",
        "punch|punching|punched|bang|banging|banged|headbutt|headbutting|headbutted ~1 wall|walls|door|doors|head|myself !4:brick|brickwall|cupboard|shelf|car|accident|accidentally|fell|falling|slipped|low|beam|ceiling",
        "i keep punching walls",
    ),
    rule(
        SELF_HARM,
        "mentions hitting themselves or walls",
        "hit|hitting|slap|slapping|slapped|bite|biting ~1 myself",
        "i hit myself when im angry",
    ),
    // ---- Harm to others
    rule(
        OTHERS,
        "mentions hurting someone else",
        concat!(
            violence!(),
            " [my|the|a|our|his|their|your|this|that|some|other|innocent|her] ",
            victim!(),
            " ",
            not_violence!()
        ),
        "sometimes i want to kill him",
    ),
    rule(
        OTHERS,
        "worries about what they might do to someone",
        concat!(
            "what|things ~1 i ~1 might|could|would|will|may|going ~1 do ~1 to [my|the|a|our|his|their|her] ",
            victim!()
        ),
        "im scared of what i might do to him",
    ),
    rule(
        SELF_HARM,
        "worries about what they might do to themselves",
        "what|things ~1 i ~1 might|could|would|will|may|going ~1 do ~1 to myself",
        "im scared of what i might do to myself",
    ),
    rule(
        OTHERS,
        "mentions hurting someone else",
        "smash|smashing|kick|kicking|cave|caving|punch|punching|beat|beating ~1 his|her|their|someones|someone's ~1 face|head|teeth",
        "i want to smash his face in",
    ),
    rule(OTHERS, "mentions revenge", "want|wants|get|take|getting|taking|plan|planning ~1 revenge", "i want revenge on him"),
    rule(
        OTHERS,
        "mentions harming someone's home",
        "burn|burning|torch|torching ~2 house|flat|car|home ~1 down",
        "i want to burn his house down",
    ),
    rule(
        OTHERS,
        "mentions carrying a weapon",
        "carry|carrying|carried|carries|bought|buy|buying|got|have|has|keep|keeping|hide|hiding|hid ~2 knife|knives|weapon|weapons|gun|guns|machete !3:cooking|kitchen|chef|chopping|bread|set|block|sharpener|cook|food|vegetables|butter",
        "i carry a knife now",
    ),
    rule(
        OTHERS,
        "mentions wanting to make someone suffer",
        "make|making ~1 him|her|them|someone|somebody|people|everyone ~1 suffer",
        "i want to make him suffer",
    ),
    // ---- Abuse or exploitation
    rule(
        ABUSE,
        "describes being hurt or threatened by someone",
        concat!(
            abuser!(),
            " ~2 ",
            abuse!(),
            " [my|the|our|his|her|their|your] ~1 ",
            abused!(),
            " !3:chess|cards|game|games|pool|darts|scrabble|race|monopoly|quiz|tennis|badminton|squash|football|golf"
        ),
        "my boyfriend hits me",
    ),
    rule(
        ABUSE,
        "describes someone threatening to kill them",
        concat!(abuser!(), "|hell ~2 kill|kills|killing|murder|murders ~1 me|us !5:laughing|softly|lol|haha|late|jokes|joke"),
        "he said he would kill me",
    ),
    rule(
        ABUSE,
        "describes being locked in",
        concat!(abuser!(), " ~2 lock|locks|locked|locking ~1 me|us >in|inside|indoors|up|away|into|$"),
        "he locks me in the house",
    ),
    rule(
        ABUSE,
        "describes being pushed about",
        concat!(abuser!(), " ~2 push|pushes|pushed|pushing|shove|shoves|shoved ~1 me|us !to|forward|further|through|harder|outside"),
        "he pushed me down the stairs",
    ),
    rule(
        ABUSE,
        "describes unwanted touching",
        concat!(
            abuser!(),
            " ~2 touch|touches|touched|touching|grope|gropes|groped|groping|fondle|fondled|fondling ~2 me|my|us !2:deeply|heart|kindness|emotionally|words"
        ),
        "my stepdad touched me when i was little",
    ),
    rule(
        ABUSE,
        "describes unwanted touching",
        "touch|touched|touching|touches|grope|groped|groping|fondl* ~3 inappropriate*|sexual*|private*|breast|breasts|boob|boobs|bum|bottom|crotch|genital*|consent|without|under",
        "a man on the bus touched me inappropriately",
    ),
    rule(
        ABUSE,
        "describes being abused or assaulted",
        "was|were|am|being|been|got|get|getting|gets|is|are ~1 raped|assaulted|abused|attacked|beaten|beat|hit|groomed|exploited|trafficked|molested|strangled|choked|threatened|stalked|bullied|blackmailed|kidnapped|drugged|spiked|harassed|mugged|punched|kicked|slapped|battered|coerced|pimped|neglected|groped !3:car|bus|ball|bike|van|lorry|taxi|cyclist|train|dog|dogs|wave|panic|anxiety|migraine|cold|flu|virus|bug|traffic|chess|game",
        "i was assaulted last year",
    ),
    rule(
        ABUSE,
        "mentions sexual violence or exploitation",
        concat!(
            "rape|raped|rapist|rapists|raping|molest*|grooming|groomed|trafficked|trafficking|paedo*|pedo*|incest|fgm|",
            "cuckooed|cuckooing|sextortion|upskirting|nudes|sexting|groped",
            topic!()
        ),
        "he raped me",
    ),
    rule(
        ABUSE,
        "mentions abuse",
        concat!("abuse|abused|abuser|abusers|abusing|abusive <!substance|alcohol|drug|drugs|solvent|self !alcohol|drugs|drink|substances|cannabis|weed|cocaine|coke|pills|tablets", topic!()),
        "it was an abusive relationship",
    ),
    rule(
        ABUSE,
        "mentions domestic violence",
        concat!("domestic ~1 violence|abuse|abuser|incident|incidents", topic!()),
        "there is domestic violence at home",
    ),
    rule(ABUSE, "mentions domestic violence", "dv", "i am in a dv situation"),
    rule(ABUSE, "mentions coercive control", "coercive|coercion|coerced|coercing", "its coercive control"),
    rule(
        ABUSE,
        "mentions coercive control",
        "controlling ~1 relationship|partner|boyfriend|husband|behaviour|behavior|ex|girlfriend|wife",
        "im in a controlling relationship",
    ),
    rule(
        ABUSE,
        "mentions sexual violence or exploitation",
        "sexual|sexually ~1 assault*|abuse*|abusing|exploit*|harass*|violence|violent|touched|inappropriate|attacked",
        "i was sexually assaulted",
    ),
    rule(
        ABUSE,
        "mentions exploitation",
        concat!("exploit|exploited|exploiting|exploitation|exploitative", topic!()),
        "i think im being exploited",
    ),
    rule(
        ABUSE,
        "mentions blackmail or stalking",
        "blackmail*|stalk|stalks|stalked|stalking|stalker|stalkers <!celery|flower|bean",
        "my ex is stalking me",
    ),
    rule(ABUSE, "mentions neglect", "neglect|neglected|neglecting|neglectful|neglects", "the kids are being neglected"),
    rule(
        ABUSE,
        "mentions forced marriage",
        "forced|forcing|force|forces|make|making|made ~3 marry|marriage|married",
        "they are forcing me to marry him",
    ),
    rule(ABUSE, "mentions county lines", "county lines", "they got me into county lines"),
    rule(
        ABUSE,
        "describes being controlled or isolated",
        "not|never ~2 let|lets|allow|allows|allowed|letting [me|us] ~3 see|go|leave|talk|speak|visit|meet|contact|phone|call|text|sleep|wear|spend|out|friends|family|money|work|toilet|loo|bathroom",
        "my boyfriend wont let me see my friends",
    ),
    rule(
        ABUSE,
        "describes being controlled or having money taken",
        concat!(
            abuser!(),
            " ~4 check|checks|checked|checking|go|goes|going|went|read|reads|reading|look|looks|looked|looking|track|tracks|tracked|tracking|monitor|monitors|monitored|monitoring|control|controls|controlled|controlling|take|takes|took|taking|taken|steal|steals|stole|stolen|stealing|keep|keeps|kept|keeping|has|have|had|hold|holds|holding|held|spend|spends|spent|spending|use|uses|used|using|smash|smashes|smashed|break|breaks|broke|hide|hides|hid|hiding ~3 phone|messages|texts|emails|location|money|bank|card|cards|benefits|wages|pay|pip|passport|documents|id|pin|account|savings|medication|meds|tablets|wallet|purse !3:office|safe|locked|cabinet|clinic|pharmacy|hospital|ward|cupboard|box|dosette|blister"
        ),
        "he takes my money every week",
    ),
    rule(
        ABUSE,
        "describes being controlled or isolated",
        "not|never ~2 let|lets|letting me have ~3 money|card|bank|phone|friends|keys|own",
        "he doesnt let me have my own bank card",
    ),
    rule(
        ABUSE,
        "describes being exploited",
        "man|men|older|guy|guys|bloke|someone|somebody|they|he|she|gang ~3 gives|gave|giving|give ~1 me ~1 drugs|alcohol|weed|gear|pills",
        "theres a man who gives me drugs",
    ),
    rule(
        ABUSE,
        "describes being exploited",
        "making|makes|made|make|forcing|forced|forces|force ~1 me ~2 do|doing ~1 stuff|things >$",
        "he makes me do stuff",
    ),
    rule(
        ABUSE,
        "describes being hurt or threatened by someone",
        concat!("not ~1 stop ~1 ", abuse!(), " ~1 me|us"),
        "he wont stop hitting me",
    ),
    rule(
        ABUSE,
        "describes someone being violent",
        concat!(abuser!(), " ~3 violent|aggressive|abusive|controlling|scary|threatening|nasty !2:dog|dogs|film|films|game|games !3:evict|eviction|court|bailiffs|notice|rent|sue"),
        "my partner is violent",
    ),
    rule(
        ABUSE,
        "describes being hurt or threatened by someone",
        concat!(abuser!(), " ~2 threw|throws|throwing|thrown|chucked ~3 at ~1 me|us"),
        "he threw a plate at me",
    ),
    rule(
        ABUSE,
        "describes being hurt or threatened by someone",
        "hands|hand|arm|arms ~2 around|round ~1 my ~1 neck|throat",
        "he put his hands around my neck",
    ),
    rule(
        ABUSE,
        "describes being hurt or threatened by someone",
        concat!(abuser!(), " ~2 threaten|threatens|threatened|threatening ~1 to !3:evict|eviction|court|bailiffs|notice|rent|sue|disown|ground"),
        "he threatens to take the kids",
    ),
    rule(
        ABUSE,
        "describes sexual violence",
        "forced|made|pressured|pressurised|pressuring ~3 sex|sexual|sleep",
        "i was forced to have sex",
    ),
    rule(ABUSE, "describes sexual violence", "forced|forces ~1 himself|herself|themselves ~1 on|onto", "he forced himself on me"),
    rule(
        ABUSE,
        "describes unwanted touching",
        "was|were|been|got|being|get ~1 touched|groped|fondled|molested !3:card|cards|kindness|gesture|gestures|words|message|messages|letter|flowers|story|stories|support|thoughtfulness|how|that|speech|gift|gifts",
        "i was touched as a child",
    ),
    rule(
        ABUSE,
        "says they are not safe at home or are afraid of someone",
        "scared|afraid|frightened|terrified|petrified ~2 leave ~1 him|her|them|partner|husband|boyfriend|girlfriend|wife|home",
        "im too scared to leave him",
    ),
    rule(ABUSE, "describes being told no one will believe them", "nobody ~2 believe|believed|believes ~1 me", "he says no one will believe me"),
    rule(
        ABUSE,
        "describes being controlled or isolated",
        concat!(abuser!(), " ~2 controls|control|controlling|controlled ~1 everything|what|where|who|when|how"),
        "he controls everything i do",
    ),
    rule(
        ABUSE,
        "describes being controlled or isolated",
        concat!(abuser!(), " ~2 check|checks|checking|track|tracks|tracking|monitor|monitors|monitoring ~1 where|who|what|when ~1 i"),
        "he checks where i am all the time",
    ),
    rule(
        ABUSE,
        "describes being controlled or isolated",
        "ask|asking ~1 permission ~2 go|leave|see|spend|eat|wear|out|buy",
        "i have to ask permission to go out",
    ),
    rule(
        ABUSE,
        "describes being made to hand over money",
        "give|hand|handing|giving|gives|gave ~1 him|her|them ~2 wages|benefits|money|card|pin|pip !2:for|back",
        "i have to give him all my wages",
    ),
    rule(
        ABUSE,
        "describes being exploited",
        "have|got|made|forced|told|being|make|makes|making ~2 sell|selling|carry|carrying|deliver|delivering|hold|holding|run|running|move|moving|stash|stashing ~1 drugs|weed|gear|packages|parcels",
        "i have to sell drugs to pay off my debt",
    ),
    rule(
        ABUSE,
        "describes being exploited",
        "man|men|older|guy|guys|bloke|stranger|strangers|gang ~3 gives|gave|giving|give|buys|bought ~1 me ~1 money|gifts|presents|lifts|phone|cigarettes",
        "an older man gives me money and gifts",
    ),
    rule(
        ABUSE,
        "describes being asked for sexual images",
        "wants|wanted|asks|asked|asking|makes|made|making|pressuring|pressured|keeps ~1 me ~2 send|sent|sending ~2 pictures|pics|photos|nudes|videos|images !3:kids|children|holiday|baby|dog|cat|family",
        "i met a man online who wants me to send pictures",
    ),
    rule(
        ABUSE,
        "describes being made to hand over money",
        "makes|made|making|make|forces|forced|forcing|force ~1 me ~2 give|hand|pay|transfer|send|lend ~3 money|benefits|card|pin|him|her|them|cash|wages",
        "he makes me give him my money",
    ),
    rule(
        ABUSE,
        "describes being exploited",
        "making|makes|made|make|forcing|forced|forces|force|get|gets|getting|got ~1 me ~2 sell|selling|carry|carrying|deliver|delivering|hold|holding|store|storing|move|moving|run|running ~3 drugs|weed|gear|packages|parcels|bags|stuff|things|money",
        "they make me hold stuff for them",
    ),
    rule(
        ABUSE,
        "describes being exploited",
        "making|makes|made|make|forcing|forced|forces|force ~1 me ~2 do|doing|have|sleep|sleeping ~2 things|stuff|sex|favours ~2 for|money|cash|drugs|against",
        "someone is making me do things for money",
    ),
    rule(
        ABUSE,
        "describes being exploited",
        "making|makes|made|make|forcing|forced|forces|force ~1 me ~2 do|doing|have ~2 things|stuff ~3 not ~1 want|wanted|like|comfortable",
        "he makes me do things i dont want to",
    ),
    rule(
        ABUSE,
        "describes being exploited",
        "making|makes|made|make|forcing|forced|forces|force ~1 me ~2 have|having|sleep|sleeping ~1 sex|with",
        "he makes me sleep with his friends",
    ),
    rule(
        ABUSE,
        "describes sex or favours for money",
        "sex|sleep|sleeping|slept|favours|sexual ~3 for ~1 money|cash|drugs|rent|somewhere|food|place",
        "i have to sleep with men for somewhere to stay",
    ),
    rule(
        ABUSE,
        "says they are not safe at home or are afraid of someone",
        concat!("not ~1 safe ~2 at|in|with|around|near|living|by ~1 home|house|flat|", household!()),
        "im not safe at home",
    ),
    rule(
        ABUSE,
        "says they are not safe at home or are afraid of someone",
        concat!("unsafe ~2 at|in|with|around|near|living|by ~1 home|house|flat|", household!()),
        "i feel unsafe at home",
    ),
    rule(
        ABUSE,
        "says they are not safe at home or are afraid of someone",
        "scared|afraid|frightened|terrified|petrified|fear ~2 go|going|return|returning ~1 home",
        "im scared to go home",
    ),
    rule(
        ABUSE,
        "says they are not safe at home or are afraid of someone",
        concat!(
            "scared|afraid|frightened|terrified|petrified ~1 of [my] ",
            household!(),
            " !finding|knowing|seeing|reading|hearing|worrying"
        ),
        "im terrified of my ex",
    ),
    // ---- Unsafe care
    rule(
        CARE,
        "describes staff shouting or swearing at them",
        concat!(staff_or_they!(), " ~3 shouted|shouting|shout|shouts|screamed|screaming|yelled|yelling|swore|swearing|sworn|snapped|bellowed ~1 at|me"),
        "a nurse shouted at me in front of everyone",
    ),
    rule(
        CARE,
        "describes staff laughing at or mocking them",
        concat!(
            staff_or_they!(),
            " ~3 laughed|laughing|laugh|laughs|sniggered|smirked|mocked|mocking|mock|ridiculed|rolled ~2 at|when|about|me|my|eyes !2:joke|jokes|joking|funny|story|banter|quiz|game|together|too|along"
        ),
        "the night staff laughed when i said i was struggling",
    ),
    rule(CARE, "describes staff laughing at or mocking them", concat!(staff_or_they!(), " ~3 made fun"), "the nurses made fun of me"),
    rule(
        CARE,
        "describes restraint or force",
        "restrained|restraint|restraints|restraining|restrain|sedated|secluded|seclusion|manhandled|manhandling|tranquilised|tranquillised|forcibly <!great|some|showed|show|self|with",
        "i was restrained on the ward",
    ),
    rule(
        CARE,
        "describes restraint or force",
        concat!(
            "pinned|held|holding|hold|sat|pushed|dragged|grabbed|shoved|piled|jumped|threw|thrown ~1 me|us ~2 down|floor|ground|onto|against|wall <!4:",
            close!()
        ),
        "they held me down",
    ),
    rule(
        CARE,
        "describes restraint or force",
        "forced|forcing|force ~2 me|us ~3 injection|injected|medication|meds|tablets|depot|jab",
        "they forced me to take medication",
    ),
    rule(
        CARE,
        "describes staff ignoring or dismissing them",
        concat!(
            staff_or_they!(),
            " ~3 ignored|ignore|ignores|ignoring|blanked ~2 me|my|us|when|it|calls|call|messages|pleas|buzzer|bell"
        ),
        "staff ignored my calls when i was in crisis",
    ),
    rule(
        CARE,
        "describes staff ignoring or dismissing them",
        concat!(staff_or_they!(), " ~3 dismissed|dismiss|dismissing|fobbed|brushed ~1 me|us|off|when"),
        "they fobbed me off",
    ),
    rule(
        CARE,
        "describes staff refusing to help",
        concat!(
            staff_or_they!(),
            " ~3 refused|refuse|refusing|refuses ~2 see|help|listen|admit|assess|let|give|refer|treat|talk|speak ~1 me|us|to"
        ),
        "the gp refused to refer me",
    ),
    rule(
        CARE,
        "describes staff being aggressive",
        concat!(staff!(), " ~4 aggressive|threatening|abusive|intimidating|cruel|violent|hostile|rough"),
        "staff on the ward were rough with me",
    ),
    rule(
        CARE,
        "describes staff using force",
        concat!(
            staff!(),
            " ~3 grabbed|pushed|shoved|dragged|hit|slapped|kicked|punched|hurt|pinned|twisted|threw ~2 me|my|us !to|forward|further|through|harder|outside|myself"
        ),
        "a staff member grabbed my arm and pushed me into my room",
    ),
    rule(CARE, "describes restraint or force", "held|pinned ~1 down !2:job|jobs|position|role|work", "i was held down and injected"),
    rule(
        CARE,
        "describes staff not acting",
        concat!(staff!(), " ~2 did ~1 nothing"),
        "another patient attacked me and staff did nothing",
    ),
    rule(
        CARE,
        "describes being sent away",
        "told|said ~2 me ~2 to ~1 go ~1 away",
        "they told me to go away and stop wasting their time",
    ),
    rule(
        CARE,
        "describes being left without care",
        "nobody ~1 came|come|answered|responded|helped >when|all|even|despite|after|$",
        "nobody came when i pressed the buzzer",
    ),
    rule(
        CARE,
        "describes being turned away or left alone when at risk",
        concat!(told!(), " ~6 ", at_risk!(), " ~8 sent|turned ~1 home|away|back|out"),
        "i told them i was unsafe and was sent home",
    ),
    rule(
        CARE,
        "describes being turned away or left alone when at risk",
        concat!(told!(), " ~6 ", at_risk!(), " ~8 discharged|laughed|laughing|ignored|dismissed|fobbed|refused|hung|shrugged"),
        "i rang the crisis line and said i was suicidal and they hung up",
    ),
    rule(
        CARE,
        "describes being turned away or left alone when at risk",
        concat!(
            told!(),
            " ~6 ",
            at_risk!(),
            " ~8 nobody|nothing ~2 came|helped|happened|listened|done|did|called|rang|followed|changed"
        ),
        "i told my cpn i was cutting and nothing was done",
    ),
    rule(
        CARE,
        "describes being turned away or left alone when at risk",
        concat!(told!(), " ~6 ", at_risk!(), " ~8 come|call|ring|phone ~1 back|again"),
        "i told the gp i wanted to die and he said come back in 2 weeks",
    ),
    rule(
        CARE,
        "describes being turned away or left alone when at risk",
        concat!(told!(), " ~6 ", at_risk!(), " ~8 bath|bubble"),
        "i rang the crisis team and they told me to have a bath",
    ),
    rule(
        CARE,
        "describes being turned away or left alone when at risk",
        concat!(told!(), " ~6 ", at_risk!(), " ~8 left ~1 me|alone|on|waiting|there"),
        "i said i was in crisis and they left me waiting 5 hours",
    ),
    rule(
        CARE,
        "describes being turned away or left alone when at risk",
        concat!("sent|turned|left|fobbed ~3 home|away|alone|out|off ~3 ", despite!(), " ~5 ", at_risk!()),
        "they left me alone when i said i was unsafe",
    ),
    rule(
        CARE,
        "describes being turned away or left alone when at risk",
        concat!("discharged|discharging ~3 ", despite!(), " ~5 ", at_risk!()),
        "they discharged me even though i was still suicidal",
    ),
    rule(
        CARE,
        "describes being turned away or left alone when at risk",
        concat!(told!(), " ~6 not ~2 safe ~8 sent|turned|discharged|laughed|ignored|dismissed|left|fobbed|refused|hung"),
        "i told them i didnt feel safe and they discharged me",
    ),
    rule(
        CARE,
        "describes being turned away or left alone when at risk",
        concat!("sent|turned|discharged|left ~3 home|away|me|alone|out ~3 ", despite!(), " ~5 not ~1 safe"),
        "they sent me home even though i wasnt safe",
    ),
    rule(
        CARE,
        "mentions a medication error",
        "wrong|incorrect|double|elses|else's ~1 medication|medicine|meds|tablets|tablet|dose|dosage|prescription|pills|injection|depot",
        "i was given the wrong medication",
    ),
    rule(
        CARE,
        "mentions a medication error",
        "medication|meds|medicine|prescribing|prescription|drug|dispensing ~1 error|errors|mistake|mistakes|mixup|incident|blunder",
        "there was a medication error",
    ),
    rule(
        CARE,
        "mentions a medication error",
        concat!(
            staff_or_they!(),
            " ~3 forgot|missed|forgotten|skipped|withheld|stopped|forget|forgets ~4 medication|meds|tablets|dose|injection|depot|medicine"
        ),
        "the nurse forgot to give me my meds",
    ),
    rule(
        CARE,
        "describes being left without care",
        "nobody|never|not ~2 checked|check|checking|came|come|visited|saw|seen|looked [on|to|in|at|after] me|see|us",
        "nobody checked on me all night on the ward",
    ),
    rule(
        CARE,
        "describes being left without care",
        "left ~2 alone|unattended|unsupervised|unobserved ~3 hours|hour|night|day|days|ages|overnight|weekend",
        "i was left alone for hours",
    ),
    rule(
        CARE,
        "describes staff crossing professional boundaries",
        concat!(
            staff!(),
            " ~3 asked|messaged|texted|added|kissed|hugged|flirted|flirting|followed|sent|dmed|dm'd|gave|given ~2 me|my ~2 out|number|facebook|instagram|snapchat|date|drink|address|personal|pictures|photos|pics|nudes !1:of"
        ),
        "the support worker added me on facebook",
    ),
    rule(
        CARE,
        "describes staff crossing professional boundaries",
        "dating|dated|slept|sleeping|kissed|kissing|sexual ~3 staff|therapist|nurse|worker|psychiatrist|doctor|cpn|counsellor|psychologist|coordinator",
        "i have been sleeping with my support worker",
    ),
    rule(
        CARE,
        "describes staff labelling them",
        concat!(told!(), "|accused|labelled|labeled|treated|calling|implied|implying|made ~4 attention seeking|seeker"),
        "they called me attention seeking",
    ),
    rule(
        CARE,
        "describes staff labelling them",
        concat!(told!(), "|accused|labelled|labeled|treated|calling|implied|implying ~4 manipulative|timewaster|faking|liar|dramatic"),
        "the doctor said i was manipulative",
    ),
    rule(
        CARE,
        "describes staff labelling them",
        "treated ~3 like ~2 criminal|child|nuisance|animal|liar|idiot|prisoner|number|rubbish|dirt",
        "they treated me like a criminal",
    ),
    rule(
        CARE,
        "describes staff encouraging harm",
        concat!(staff_or_they!(), " ~3 told|said|telling|saying ~2 me ~3 kill|die|do ~1 it|myself|properly|yourself"),
        "staff told me to just kill myself",
    ),
    rule(
        CARE,
        "describes staff encouraging harm",
        "said|told|saying|telling|should ~3 do ~1 it ~1 properly|right ~2 next ~1 time",
        "one of the nurses said i should just do it properly next time",
    ),
    rule(
        CARE,
        "describes staff encouraging harm",
        "if ~1 i ~2 wanted|want|meant|serious ~3 die|kill|it|myself ~4 would|done|already",
        "they said if i wanted to die i would have done it by now",
    ),
    rule(
        CARE,
        "describes staff labelling them",
        concat!(
            staff_or_they!(),
            " ~3 called|calling|said|told ~4 freak|psycho|nutter|crazy|pathetic|useless|waste|joke|disgusting|stupid|idiot"
        ),
        "the hca called me a freak",
    ),
    rule(CARE, "describes an intimate search", "strip ~1 searched|search|searching|searches", "i was strip searched by male staff"),
    rule(
        CARE,
        "describes staff crossing professional boundaries",
        concat!(
            staff_or_they!(),
            " ~3 watched|watching|filmed|filming|photographed ~2 me ~3 shower|showering|toilet|undress|undressing|changing|naked|bath"
        ),
        "staff watched me in the shower",
    ),
    rule(
        CARE,
        "describes staff crossing professional boundaries",
        concat!(staff!(), " ~3 touch|touched|touching|touches|groped|kissed ~2 me|my !2:arm|shoulder|hand"),
        "a staff member touched me inappropriately",
    ),
    rule(CARE, "describes restraint or force", "tied|strapped ~1 to|down ~2 bed|chair|trolley", "i was tied to a bed"),
    rule(
        CARE,
        "describes being denied food or medication",
        "not ~1 given|fed|offered|allowed ~2 food|meds|medication|water|drink|tablets|dinner|lunch|breakfast|anything|insulin",
        "i wasnt given food all day",
    ),
    rule(CARE, "describes being left without care", "left ~2 own ~1 urine|wee|mess|vomit|sick|blood", "i was left in my own urine"),
    rule(CARE, "describes being hung up on", "hung|put ~1 up|phone ~1 on ~1 me", "the crisis team hung up on me"),
    rule(
        CARE,
        "describes an unanswered call for help",
        "crisis|duty|line|team ~3 never|not|nobody ~2 rang|called|phoned|rung|got ~1 back",
        "the crisis line never rang back",
    ),
    rule(
        CARE,
        "says the service did not feel safe",
        concat!("unsafe|dangerous ~3 staff|there|here|", place!()),
        "i felt unsafe on the ward",
    ),
    rule(CARE, "says the service did not feel safe", concat!("not ~1 safe ~3 staff|there|here|", place!()), "i didnt feel safe in the group"),
    rule(CARE, "says the service did not feel safe", concat!(place!(), " ~3 unsafe|dangerous"), "the ward is unsafe"),
    rule(CARE, "says the service did not feel safe", concat!(place!(), " ~2 not ~1 safe"), "the ward was not safe"),
    // ---- Issue 14: situations a phrase matcher could not see
    // Farewells and final arrangements
    rule(
        SUICIDE,
        "sounds like a farewell",
        "said|saying|say|made|making|make ~1 my ~1 goodbyes|goodbye !4:leaving|party|job|worker|facilitator|retiring|retirement|moving|holiday|course|class|colleagues|school|uni",
        "i said my goodbyes to the people who matter",
    ),
    rule(
        SUICIDE,
        "sounds like a farewell",
        "goodbye|goodbyes|bye ~4 people|everyone|those|everybody ~3 matter|matters|love|loved|care",
        "im saying goodbye to everyone i love",
    ),
    rule(SUICIDE, "sounds like a farewell", "goodbye|goodbyes ~6 while ~2 still ~1 can", "saying goodbye while i still can"),
    rule(
        SUICIDE,
        "sounds like a farewell",
        "made|make|making|at|find|found ~2 peace ~2 with ~2 everything|everyone|everybody|world|decision|dying|it",
        "ive made my peace with everything",
    ),
    rule(
        SUICIDE,
        "hints they will not be around",
        concat!("not ~1 make ~1 it ~3 next|review|appointment|session|group|christmas|birthday|summer|new ", "!8:holiday|holidays|work|working|because|as|since|due|appointment|wedding|funeral|car|bus|buses|train|trains|ill|poorly|sick|covid|childcare|sorry|traffic|rebook|reschedule|cancel|away|abroad|hospital|operation"),
        "i will not make it to the next review and i mean that",
    ),
    rule(
        SUICIDE,
        "hints they will not be around",
        "not ~1 need|needing ~2 the|my|your|a ~1 service|place|group|sessions|appointments|help|support|review|reviews ~3 anymore|after|longer|soon !8:better|well|job|moving|move|finished|recovered|because|as|since|found|got|discharged|private",
        "i will not need the service anymore after this weekend",
    ),
    rule(SUICIDE, "hints they will not be around", "for ~1 when ~1 i ~1 am ~1 not|gone|dead", "i wrote them a card for when im not here"),
    rule(
        SUICIDE,
        "hints they will not be around",
        concat!("after|once ~1 i ~1 am|have ~1 gone|dead|died ", away!()),
        "my brother will have my cat after im gone",
    ),
    rule(
        SUICIDE,
        "mentions goodbye letters",
        "left|leaving|leave|written|wrote|writing ~2 a|some|my|each ~1 letter|letters|note|notes|card|cards ~2 for|to ~1 my|mum|dad|family|kids|everyone|partner|husband|wife|children|son|daughter|sister|brother|nan|friends !5:shopping|milk|postman|reminder|birthday|christmas|thank|thanks|anniversary|teacher|school|fridge|valentines|mothers|fathers|easter|wedding|get|congratulations",
        "ive left a letter for my mum in the drawer",
    ),
    rule(
        SUICIDE,
        "describes sparing others the aftermath",
        "so ~1 nobody ~2 has|have|needs|need ~1 to ~3 deal|sort|clear|clean|find|worry|pay",
        "ive tidied up so no one has to deal with a mess after",
    ),
    rule(
        SUICIDE,
        "asks that no one be blamed",
        "know|knows|understand|understands|remember|tell ~3 none|not ~3 your|her|his|their|anyones|anybodys|my ~1 fault",
        "make sure she knows none of this was her fault",
    ),
    rule(
        SUICIDE,
        "hints they will not be around",
        "you|they|everyone|nobody|people|team|family ~1 will|would ~1 not ~1 have ~1 to ~6 much|any|for ~1 longer|long >$|x|now|i|though|anyway",
        "thanks for everything, you wont have to deal with me much longer",
    ),
    // A dated or conditional plan
    rule(
        SUICIDE,
        "mentions ending their life",
        "going|will|planning|plan|decided|ready ~3 end|finish ~1 it|things >once|when|after|before|by|the|this|next|if|on|soon|then|tonight|tomorrow",
        "going to end it once the exams are over",
    ),
    rule(
        SUICIDE,
        "mentions ending their life",
        "end|ending|finish|finishing ~1 things !with|between|there|here|on|properly|well|nicely|off|up|at|for|today|first|early",
        "im going to finish things",
    ),
    rule(
        SUICIDE,
        "mentions a plan",
        "go|going ~1 through ~1 with ~1 it >$|once|when|after|if|on|by|this|tonight|soon|now|then|i <!4:operation|surgery|course|wedding|divorce|move|application|complaint|appeal|treatment|therapy|programme|group|interview|test|exam",
        "if nothing changes im going to go through with it",
    ),
    rule(
        SUICIDE,
        "mentions a plan",
        "going|will ~2 do ~1 it ~6 decided|mind|promise|serious|mean|date",
        "after christmas im going to do it ive decided",
    ),
    rule(
        SUICIDE,
        "mentions a plan",
        "picked|chosen|set|decided ~2 a|the|my ~1 date|day >$|it|and|i|when !3:to|quit|stop|wedding|holiday|move|moving|party|meeting|appointment|hearing|court|start|starting|operation|surgery|discharge|for",
        "ive picked the date, it will be after my last session",
    ),
    rule(
        SUICIDE,
        "mentions a plan with a condition",
        "if|once|when|after ~10 that|then ~1 is ~1 it >$|for|then|i !6:driving|drive|complain|complaint|complaining|private|papers|taxi|walking|reporting|ombudsman|pals|switching|changing",
        "if the decision goes against me that's it for me",
    ),
    rule(
        SUICIDE,
        "mentions a plan with a condition",
        "if|once|when|after ~10 me|am ~1 done|finished|gone !1:with|the|by|in|at|and|i|we|here|then|so|now|shopping|today|early",
        "if i get evicted then thats me done for good",
    ),
    rule(
        SUICIDE,
        "sees no reason to go on",
        "no ~1 reason|point ~5 carry|go|keep|stay|live|be|continue ~1 on|going|here|around|alive|living",
        "there is no reason for me to carry on",
    ),
    rule(SUICIDE, "hints at dying", "free ~1 to ~1 go|die|leave >$|then|now|finally|forever", "when he turns 18 ill be free to go"),
    rule(
        SUICIDE,
        "says nothing keeps them alive",
        "nothing|nobody|only ~3 keeping|keeps|holding|holds ~1 me ~1 here|alive|going|around|breathing >$|and|but|now|anymore|i|once|after|when|then|apart|except !3:town|city|area|country|village|job",
        "once she leaves home theres nothing keeping me here",
    ),
    rule(
        SUICIDE,
        "has set themselves a deadline",
        "given|gave|give|giving ~1 myself ~2 until|till|til|to|by ~6 if|then|and|before|after|or !6:finish|finished|decide|apply|write|sort|complete|pay|learn|save|read|train|lose",
        "ive given myself until new year, then thats it",
    ),
    rule(
        SUICIDE,
        "hints at joining someone who has died",
        "going|want|wanting|ready|time|longing|wish ~2 to ~1 join|be [with] my ~1 dad|mum|mam|nan|grandad|grandma|brother|sister|son|daughter|husband|wife|partner|baby|friend >$|again|soon|now|i|and|up|there|properly",
        "im ready to be with my mum again",
    ),
    rule(
        SUICIDE,
        "mentions a plan",
        "final|last ~1 straw ~8 worked|planned|sorted|decided|ready|plan|over|done|end",
        "if they stop my money that is the last straw, ive planned it",
    ),
    rule(
        SUICIDE,
        "mentions a plan",
        "is|be ~1 the ~1 night|day|date ~6 known|decided|planned|ready|sure|chosen|picked|set",
        "saturday is the day, ive decided",
    ),
    rule(
        SUICIDE,
        "mentions a plan",
        "finally|then|free|able ~6 do ~1 what ~1 i ~1 need|have|want|got ~1 to ~1 do >$",
        "once hes settled i can finally do what i need to do",
    ),
    rule(
        SUICIDE,
        "says they cannot go on",
        "not ~2 going|able ~1 to ~1 carry|go|keep ~1 on|going >$|if|after|when|simple|anymore|much|like|without|i",
        "if the appeal fails im not going to carry on",
    ),
    rule(
        SUICIDE,
        "mentions their own funeral",
        "my ~1 funeral|cremation|wake|ashes <!3:plan|prepaid|paid|insurance !2:plan|insurance",
        "ive chosen the songs for my funeral",
    ),
    rule(
        SUICIDE,
        "mentions their own funeral",
        "want|wanted|like ~3 played|sung|read|wear|wearing ~3 at|for ~2 the|my ~1 funeral|cremation|service",
        "i wrote down what i want played at the funeral",
    ),
    rule(
        SUICIDE,
        "cannot see a future",
        "can not ~1 see ~1 myself ~2 here|alive|around|living|existing ~1 by|at|for|next|in|much|long|after >$|christmas|summer|new|birthday|year|the|my",
        "i cant see myself being here next year",
    ),
    rule(SUICIDE, "wishes to stop existing", "stop|stopping|stopped ~1 existing|breathing|living >$|and|i|forever", "i want to just stop existing"),
    rule(
        SUICIDE,
        "mentions researching ways to die",
        concat!("reading|read|looking|looked|googling|googled|searching|searched|researching|research|researched ~6 what|how ~1 happens|happen|long|much|many ~8 ", tablets!(), "|", drugs!(), "|overdose|od|liver <!3:", staff!(), "|pharmacist|pharmacy"),
        "ive been googling how long it takes after an overdose",
    ),
    // Thinking about a method or a place
    rule(
        SUICIDE,
        "mentions researching ways to die",
        "search|searching|searched|googling|googled|looking|looked|research|researching|researched|reading|read ~4 quickest|easiest|painless|painlessly|surest|fastest|simplest|best ~1 way|ways|method|methods >$",
        "ive been searching online for the quickest way",
    ),
    rule(
        SUICIDE,
        "mentions researching ways to die",
        "quickest|easiest|painless|painlessly|surest|fastest|simplest|best ~1 way|ways|method|methods ~1 to|of ~1 die|dying|go|end|kill|overdose|od|do",
        "what is the easiest way to die",
    ),
    rule(
        SUICIDE,
        "mentions a lethal dose",
        "dose|amount|much|many|dosage|quantity|tablets|pills|meds ~6 fatal|lethal|deadly|kill|toxic",
        "what dose of my meds would be fatal",
    ),
    rule(SUICIDE, "mentions a lethal dose", "fatal|lethal|deadly ~2 dose|amount|overdose|quantity|combination", "i looked up the lethal dose"),
    rule(SUICIDE, "mentions a method of suicide", "bleed|bled|bleeding ~1 out", "how long it takes to bleed out"),
    rule(
        SUICIDE,
        "mentions researching ways to die",
        "how ~1 long ~4 die|drown|hang|bleed|suffocate|overdose|kill|lethal",
        "how long does it take to drown",
    ),
    rule(SUICIDE, "mentions a method of suicide", "rope ~3 hook|hooks|beam|loft|bannister|bannisters|garage", "i bought some rope and a hook"),
    rule(
        SUICIDE,
        "mentions a ligature",
        "tied|tying|tie|wrapped|pulled|put ~3 round|around ~1 my ~1 neck ~5 stopped|tight|tighter|until|till|but|again|last|night|ligature",
        "i tied something round my neck last night but stopped",
    ),
    rule(
        SUICIDE,
        "mentions researching a lethal amount",
        concat!("how ~1 many|much ~4 ", tablets!(), "|", drugs!(), " ~4 it ~1 would|will|does|to ~1 take|kill|need >$|to|before|and|i"),
        "i keep reading how many sleeping tablets it would take",
    ),
    rule(
        SUICIDE,
        "has chosen a place or means",
        "which|where|exact|perfect|right ~2 tree|branch|beam|bridge|spot|place|rope|belt|cliff|building|carpark|station|line|tracks|bannister|loft ~6 i ~1 would|will|could|am ~2 use|do|go|jump >$|it|if|when|and|i",
        "ive found the perfect spot i would use",
    ),
    rule(
        SUICIDE,
        "mentions a method of suicide",
        "hosepipe|hose|tubing ~6 exhaust|sealed|taped|tape !3:wash|washing|garden|plants",
        "ive got a length of tubing to fit the exhaust",
    ),
    rule(
        SUICIDE,
        "mentions a method of suicide",
        "charcoal|barbecue|bbq ~6 bedroom|tent|sealed|taped|tape|car|windows|indoors|inside !3:garden|party|friends|beach|park|summer|sausages|burgers",
        "bought charcoal and tape for the windows",
    ),
    // Self-harm described by object and body, or by hiding it
    rule(
        SELF_HARM,
        "describes harming their body with an object",
        concat!(sh_object!(), " ~4 ", body!(), " <!6:shave|shaved|shaving|wax|waxing|tattoo|tattooed|accidentally|accident !4:shave|shaving|accident|accidentally"),
        "i used a razor on my thighs again",
    ),
    rule(
        SELF_HARM,
        "describes harming their body with an object",
        concat!(body!(), " ~4 with|on ~2 ", sh_object!(), " <!6:shave|shaved|shaving|wax|waxing|tattoo|tattooed|accidentally|accident"),
        "i carved into my leg with a compass",
    ),
    rule(
        SELF_HARM,
        "describes harming their body with an object",
        concat!("burn|burning|burnt|burned ~2 my ~1 hands|hand|fingers|face ~4 with|on ~2 ", sh_object!()),
        "i burn my hands with the hair straighteners",
    ),
    rule(
        SELF_HARM,
        "describes harming their body",
        concat!(
            "cut|cutting|sliced|slice|slicing|slashed|carved|carve|carving|scratched|scratch|scratching|gouged|stabbed|stabbing|punched|bit|biting|picked|picking ~2 my|into|myself ~2 ",
            body!(),
            " <!4:fell|fall|falling|tripped|accidentally|accident !4:chopping|onions|veg|accident|accidentally|shaving|fell|falling|cooking|kitchen|tin|glass|paper"
        ),
        "i sliced my arm open",
    ),
    rule(
        SELF_HARM,
        "describes hurting themselves until it shows",
        "scratch|scratching|scratched|pick|picking|picked|bang|banging|banged|hit|hitting|punch|punching|punched|burn|burning|burnt|bite|biting|bit|pull|pulling|rub|rubbing|dig|digging ~6 till|until ~3 bleed|bled|bleeds|bleeding|blistered|blisters|blister|bruised|bruises|raw|stars|numb",
        "i keep punching walls till my knuckles bleed",
    ),
    rule(
        SELF_HARM,
        "describes hurting themselves",
        "hit|hitting|punch|punching|punched|slap|slapping|slapped|bite|biting|pinch|pinching|headbutt|headbutting|bang|banging|banged ~1 myself !4:accident|accidentally|door|cupboard|bike|fell|shelf|car|ceiling|beam <!3:accidentally",
        "i hit myself in the face when i get overwhelmed",
    ),
    rule(
        SELF_HARM,
        "describes hurting themselves",
        "hit|hitting|punch|punching|punched|slap|slapping|slapped|headbutt|headbutting|bang|banging|banged ~1 my ~1 head|face ~3 wall|walls|floor|door|against|until|till|hard|again|when",
        "i bang my head against the wall when it gets bad",
    ),
    rule(
        SELF_HARM,
        "describes hiding self-harm",
        concat!(clothes!(), " ~8 so ~2 nobody|people|anyone|they|kids|children|family|mum|partner|he|she|nobody ~3 see|sees|notice|notices|ask|asks|know|knows|find|finds|questions"),
        "i wear joggers so no one sees",
    ),
    rule(
        SELF_HARM,
        "describes hiding self-harm",
        concat!(clothes!(), " ~6 even ~2 summer|heat|hot|sunshine|warm|heatwave"),
        "i wear joggers even in summer",
    ),
    rule(
        SELF_HARM,
        "describes hiding self-harm",
        concat!("new|fresh ~2 marks|cuts|scars|burns|wounds|cut ~4 ", body!(), "|hide|hiding|cover|covering|again|tonight|week"),
        "got new marks on my arms this week",
    ),
    rule(
        SELF_HARM,
        "describes hiding self-harm",
        concat!("wrap|wrapped|wrapping|bandage|bandaged|bandaging|cover|covering|covered ~2 my ~1 ", body!(), " ~4 bandages|bandage|plasters|plaster|under|hoodie|sleeves|so <!4:sprain|sprained|broke|broken|eczema|tattoo|burn|burnt"),
        "i wrap my arms in bandages under my hoodie",
    ),
    rule(
        SELF_HARM,
        "describes reopening wounds",
        "picking|pick|picked|reopening|reopen|reopened|opening ~3 wounds|cuts|scabs|stitches",
        "been picking at my wounds so they dont heal",
    ),
    rule(
        SELF_HARM,
        "describes keeping a blade",
        concat!("keep|kept|keeping|carry|carrying|got|have|hide|hidden ~4 ", sh_object!(), " ~6 when|for|case|bad|urges|need|worse !3:cooking|kitchen|work|job|camping|fishing|smoking|smoke"),
        "i keep a blade in my purse for when it gets bad",
    ),
    rule(
        SELF_HARM,
        "describes running out of unmarked skin",
        concat!("running|ran|run ~1 out ~1 of ~2 places|place|space|room|skin ~4 ", body!(), "|scarred|marked|cut|unmarked|clear|clean"),
        "im running out of space on my thighs",
    ),
    rule(
        SELF_HARM,
        "describes wounds that have not healed",
        "marks|cuts|wounds|burns|scratches|scabs|scars ~5 not ~2 healed|healing|heal !3:tattoo|surgery|operation|op|fall|bike <!6:tattoo|surgery|operation|fell|fall|accident|bike",
        "the cuts from last week still havent healed",
    ),
    rule(
        SELF_HARM,
        "describes dressing their own wounds",
        concat!("plasters|plaster|bandages|bandage|dressings|dressing|steristrips|gauze ~3 for|on ~2 my ~1 ", body!(), " !4:blood|test|eczema|sprain|sprained|tattoo|fall|fell|bite|burn|op|operation|surgery|injection|jab|vaccine"),
        "i need more bandages for my thighs",
    ),
    // Misspellings and evasions
    rule(
        SUICIDE,
        "uses a word for suicide that evades filters",
        concat!("unaliv*|unalive|unalived|unaliving|unalives", topic!()),
        "been thinking about unaliving",
    ),
    rule(SELF_HARM, "mentions an overdose", "i|had|have|nearly|almost|just ~1 odd >on|last|yesterday|again|$|at|this|after|twice", "i odd on saturday"),
    rule(SUICIDE, "says they want to die", "want ~1 to ~1 dye >$", "i want to dye"),
    rule(SUICIDE, "uses a word for suicide that evades filters", "toaster ~1 bath", "thinking about a toaster bath"),
    // Harm to others without a keyword, threats to property and veiled threats
    rule(
        OTHERS,
        "threatens someone's property",
        "will|ill|going|want|wanted|might|could|to ~3 torch|burn|smash|trash|wreck|key|scratch|slash|firebomb|petrol|kick|set|bomb ~4 his|her|their|the|your|its|this|that|every|all|each|those|them|up ~2 car|cars|house|flat|door|window|windows|tyres|tires|place|van|stuff|shop|office|building|front|home|motorbike|reception|clinic|centre|ward|surgery|waiting|room",
        "going to torch her car",
    ),
    rule(
        OTHERS,
        "threatens someone's property",
        "will|ill|going|want|wanted|might|could|to ~3 put|throw|chuck|lob|through ~2 brick|bricks|rock|rocks|stone|stones ~3 through|at ~2 window|windows|car|house|door|head",
        "ill put a brick through his window tonight",
    ),
    rule(
        OTHERS,
        "mentions bringing a weapon",
        "bring|bringing|brought|carry|carrying|take|taking ~2 knife|knives|blade|weapon|weapons|hammer|bat|gun|machete|acid ~5 appointment|group|session|clinic|ward|meeting|work|school|office|centre|here|there|next|if|when",
        "im bringing a knife to the next appointment",
    ),
    rule(
        OTHERS,
        "mentions keeping a weapon ready",
        "keeping|keep|kept|got|have|hidden|hid ~3 knife|knives|hammer|bat|machete|weapon|crowbar|axe ~4 by|under|behind|for ~2 door|bed|pillow|sofa|front|when|if",
        "im keeping a hammer by the door",
    ),
    rule(
        OTHERS,
        "threatens to have someone hurt",
        "get|getting|send|sending ~3 mates|brothers|lads|boys|friends|cousins|people ~2 to ~1 sort|deal|do|batter|beat|jump|hurt|smash|visit ~1 him|her|them|out|in|with|over",
        "im going to get my mates to sort him out",
    ),
    rule(
        OTHERS,
        "threatens someone with violence",
        "leaving|leave|end|ending|go|going|be|in ~3 an|a|the ~1 ambulance|coffin|bodybag",
        "he will be leaving in an ambulance",
    ),
    rule(OTHERS, "passes on a veiled threat", concat!("tell|warn ~4 him|her|them|", staff!(), " ~3 careful|watch|regret|sorry"), "tell her to be careful"),
    rule(OTHERS, "passes on a veiled threat", "watch ~1 his|her|their|your ~1 back", "she'd better watch her back"),
    rule(OTHERS, "passes on a veiled threat", "he|she|they ~1 will ~1 regret|pay|suffer", "tell the doctor he'll regret it"),
    rule(OTHERS, "passes on a veiled threat", "he|she|they ~1 will ~1 be ~1 sorry", "they'll be sorry"),
    rule(
        OTHERS,
        "describes following someone",
        concat!("following|followed|follow|follows|waited|waiting ~3 ", staff!(), "|her|him|them ~3 home|car|house|bus|work"),
        "ive been following the nurse home",
    ),
    rule(
        OTHERS,
        "describes hurting someone close",
        concat!("i ~5 grabbed|grab|squeezed|shook|shoved|pushed|smacked|slapped|hit|kicked|dragged|punched|strangled|choked|throttled|bit|battered|shook ~3 my|the|his|her ~1 ", victim_close!()),
        "i lost my temper and grabbed my son",
    ),
    rule(
        OTHERS,
        "describes hurting someone close",
        concat!("i ~1 threw|chucked|thrown ~3 at ~2 ", victim_close!(), "|him|her|them"),
        "i threw a chair at my flatmate",
    ),
    rule(OTHERS, "describes force that left marks", "hard ~1 enough ~3 marks|mark|bruise|bruises|bleed|hurt", "hard enough to leave marks"),
    rule(
        OTHERS,
        "describes shaking a child",
        "shook|shake|shaking|shaken ~2 baby|babies|him|her|son|daughter|toddler|kid|child !1:hand|hands|head|off|up|awake",
        "i shook the baby",
    ),
    rule(
        OTHERS,
        "describes thoughts of harming a child",
        "push|pushing|pushed|throw|throwing|drop|dropping ~3 baby|babys|pram|buggy ~3 into|down|off|road|stairs|traffic|window",
        "thinking about pushing the pram into the road",
    ),
    rule(
        OTHERS,
        "threatens someone with violence",
        "going|will|want|to ~2 batter|deck|glass|bottle|knock|stab|smash|beat|punch ~2 the|that|this ~1 lad|man|guy|woman|girl|bloke|idiot|prick|bitch",
        "going to batter the lad",
    ),
    rule(
        OTHERS,
        "threatens someone with violence",
        "he|she|they|you ~1 will|would ~1 not ~1 be ~1 walking|standing|breathing|getting ~1 out|away|again|up|home >$|of|when|after|if|on|in|that",
        "if he comes near me again he wont be walking away",
    ),
    rule(
        OTHERS,
        "passes on a veiled threat",
        "he|she|they|you ~1 should|better|ought|had ~2 be ~1 worried|scared|afraid|frightened|careful|nervous|watching >$|because|then|now|very|really|and|i|x",
        "he had better be scared",
    ),
    rule(
        OTHERS,
        "hints at doing something they would be jailed for",
        "do|doing|did|something ~4 go|going|end|get|gets|got|getting|land|be|put|send|sent ~3 prison|jail|jailed|inside|arrested|locked !3:visit|visiting|visited|work|working|volunteer",
        "one more word from him and ill do something that gets me sent to prison",
    ),
    rule(
        OTHERS,
        "threatens someone with violence",
        "round|over ~4 sort|deal|have|batter|do ~2 him|her|them >$|out|in|once|properly|proper|for|tonight|myself|i|and",
        "im going over there to deal with him properly",
    ),
    // Abuse and exploitation told as a situation
    rule(
        ABUSE,
        "describes being blackmailed with images",
        "pictures|pics|photos|video|videos|nudes|images ~2 of ~1 me|us ~12 send|post|share|show|put|leak|sending|posting|sharing ~6 unless|if|online|work|family|everyone|friends|boss|parents|internet",
        "he has pictures of me and says he'll send them to my work unless i do more",
    ),
    rule(
        ABUSE,
        "describes their home being taken over",
        "using|use|used|uses|taken|took|taking|take ~3 my ~1 flat|house|home|place|room|kitchen ~3 to|for|as ~2 sell|deal|dealing|store|stash|cook|drugs|base",
        "some men are using my flat to sell from",
    ),
    rule(
        ABUSE,
        "describes their home being taken over",
        "moved ~3 mates|friends|people|men|lads|guys ~2 into|in ~1 my ~1 flat|house|place|room|home",
        "he has moved his mates into my flat",
    ),
    rule(ABUSE, "describes being unable to refuse", "not ~1 allowed|able ~2 to ~1 say ~1 no", "im not allowed to say no"),
    rule(
        ABUSE,
        "describes someone coming to their bed or room at night",
        "comes|came|come|gets|got|creeps|crept|climbs|climbed|sneaks|sneaked|snuck ~2 into|in ~1 my ~1 room|bed|bedroom ~8 night|nights|asleep|sleeping|dark|midnight|everyone|everybody|nobody",
        "my uncle comes into my room when everyone is asleep",
    ),
    rule(ABUSE, "describes someone getting into their bed", "gets|got|get|climbs|climbed|comes|came ~2 into|in ~1 bed|bath|shower ~2 with ~1 me", "he gets into bed with me"),
    rule(ABUSE, "describes someone letting themselves in", "lets|let|letting ~1 himself|herself|themselves ~1 in|into", "my landlord lets himself in at night"),
    rule(ABUSE, "describes being made to sit on someone's lap", "sit|sitting|sat ~2 on ~1 his|her ~1 lap|knee", "he makes me sit on his lap"),
    rule(
        ABUSE,
        "describes being controlled or having money taken",
        concat!(abuser!(), " ~3 takes|took|taking|keeps|kept|has|holds|uses|spends|spent ~3 pip|pension|benefits|wages|card|bank|esa|savings|money !3:back|safe|because|asked|helps|help|for"),
        "my boyfriend takes all my pip",
    ),
    rule(ABUSE, "describes being controlled or having money taken", "have ~1 to ~2 ask ~3 for ~1 money|food|cash", "i have to ask for money for food"),
    rule(
        ABUSE,
        "describes being exploited",
        "have|got ~1 to ~8 take|carry|drop|deliver|drive|move ~2 stuff|things|packages|bags|parcels ~2 places|round|about|around|for",
        "i have to answer whenever they call and take stuff places",
    ),
    rule(
        ABUSE,
        "describes being groomed",
        "older|man|men|bloke|guy|guys ~4 gives|gave|giving|buys|bought ~1 me ~2 vodka|booze|drink|drinks|cigs|cigarettes|weed|lifts|presents|gifts|phone|clothes",
        "an older bloke gives me vodka and lifts",
    ),
    rule(
        ABUSE,
        "describes being controlled or isolated",
        concat!(abuser!(), " ~2 reads|read|checks|checking|goes|going|went|looks ~3 my ~1 messages|phone|texts|emails|post|diary"),
        "my partner reads all my messages",
    ),
    rule(
        ABUSE,
        "describes being controlled or isolated",
        "says|decides|tells|decide ~2 me ~1 who|where|what ~2 i ~1 can|am|may",
        "he tells me who i can see",
    ),
    rule(ABUSE, "describes being controlled or isolated", "says|decides|decide ~1 who|where ~1 i ~1 can|am", "he says who i can see"),
    rule(ABUSE, "describes being locked in", "locks|locked|lock|shuts|shut ~2 me|us ~2 in|inside|up|room", "my husband locks me in"),
    rule(
        ABUSE,
        "describes being asked for sexual images",
        "asking|asks|asked|keeps ~2 for ~1 pictures|pics|photos|nudes|videos|images !3:kids|children|holiday|baby|dog|cat|family|form|id|passport|event",
        "someone keeps asking for pictures",
    ),
    rule(ABUSE, "describes being made to repay with favours", "owe|owes|owed ~2 him|them|her ~10 favours|favour|sex|drugs|sleep", "he says i owe him and have to pay in favours"),
    rule(
        ABUSE,
        "describes being stalked",
        "turns|turned|keeps|kept ~2 up ~3 door|house|flat|work|outside|window ~10 not ~1 go|leave|stop",
        "my ex turns up at my door at night and wont go away",
    ),
    rule(ABUSE, "describes being stalked", "not ~1 leave ~1 me ~1 alone", "he wont leave me alone"),
    rule(
        ABUSE,
        "describes an adult contacting a child",
        "messaging|messages|messaged|texting|texts|snapchatting|contacting|grooming|groomed ~2 my|her|his|their|a ~1 10|11|12|13|14|15|16|17|daughter|son|niece|nephew|granddaughter|grandson|kid|child|1|2|3|4|5|6|7|8|9 <!3:i|we",
        "her boyfriend has been messaging my 13 year old",
    ),
    rule(
        SUICIDE,
        "mentions a plan with a condition",
        "when|once|after|if ~10 i ~1 am|will ~1 going|go ~1 to >$|as|with",
        "when my dog dies im going too",
    ),
    rule(
        SUICIDE,
        "mentions ending their life",
        "i ~1 am|will ~1 ending|end ~1 it >$|all|when|once|after|if|soon|tonight|then|now",
        "as soon as he is settled im ending it",
    ),
    rule(
        SUICIDE,
        "mentions a plan with a condition",
        "soon ~1 as ~10 end|ending|do|finish|kill ~1 it|things|myself",
        "as soon as the kids are settled ill end it",
    ),
    rule(
        ABUSE,
        "describes being blackmailed with images",
        "post|share|send|put|leak|sending|posting|sharing|show ~2 my ~1 pictures|pics|photos|nudes|videos|video|images ~3 online|internet|work|family|everyone|unless|if|around",
        "he says he will post my pictures online",
    ),
    rule(ABUSE, "describes being stalked", concat!(abuser!(), "|ex ~3 keeps|kept ~1 turning|showing ~1 up"), "my ex keeps turning up at my work"),
    rule(
        OTHERS,
        "passes on a veiled threat",
        "make ~1 sure ~2 he|she|they|him|her|them ~1 regrets|regret|pays|pay|suffers|suffer|sorry",
        "ill make sure she regrets it",
    ),
    rule(
        SELF_HARM,
        "describes hiding self-harm",
        concat!(clothes!(), " ~10 ", body!(), " ~3 mess|wrecked|ruined|scarred|state|marks|cuts|scars|shredded"),
        "only wear long sleeves now, my arms are a mess",
    ),
    rule(
        SELF_HARM,
        "describes hiding self-harm",
        concat!(body!(), " ~3 mess|wrecked|ruined|scarred|state|shredded ~10 ", clothes!()),
        "my arms are a mess so i wear long sleeves",
    ),
    rule(
        SELF_HARM,
        "mentions taking too many tablets",
        "take|taking|swallow|swallowing|neck|necking ~1 the|them ~1 lot >$|all|tonight|then|and",
        "if my benefits get stopped ill take the lot",
    ),
    rule(
        SUICIDE,
        "mentions leaving instructions",
        "passwords|password|pins|bank ~6 envelope|envelopes|letter|note|drawer",
        "ive put my passwords in an envelope for my sister",
    ),
    rule(SUICIDE, "hints at dying", "am ~1 ready ~1 to ~1 go|die >$|now|tonight|soon", "im ready to go now"),
    rule(
        SUICIDE,
        "mentions putting their affairs in order",
        "my ~1 will ~1 is|has ~2 sorted|done|written|ready|updated",
        "my will is sorted",
    ),
    rule(
        SUICIDE,
        "mentions researching ways to die",
        concat!("how ~1 much ~3 ", tablets!(), "|", drugs!(), " ~4 enough|kill|fatal|lethal|die|overdose"),
        "how much of my lithium would be enough",
    ),
    rule(
        OTHERS,
        "threatens someone with violence",
        "going|will|ill|want|to ~1 glass|bottle|deck|batter|knife|chin|floor|knock ~1 him|her|them|out",
        "next time i see him im going to glass him",
    ),
    rule(
        OTHERS,
        "describes hurting someone",
        "hands|hand ~2 round|around ~1 his|her|their ~1 throat|neck",
        "my hands were round his throat",
    ),
    rule(
        SUICIDE,
        "wants to join someone who died",
        "death|died|dead|passed|lost|grave|funeral|heaven|anniversary ~12 going|want|wanting|will|ready|time|can ~2 to ~1 join ~1 him|her|them",
        "on the anniversary of his death im going to join him",
    ),
    rule(
        ABUSE,
        "describes someone coming in while they wash or sleep",
        "coming|comes|came|walks|walking|barges|barging|walked ~2 into|in ~1 the|my ~1 bathroom|shower|toilet|bedroom ~8 shower|showering|bath|changing|undressed|naked|toilet|locked|asleep",
        "he keeps coming into the bathroom when im in the shower",
    ),
    rule(SUICIDE, "sounds like a final message", "last ~1 you ~3 hear|hearing|see|seeing ~1 from|of ~1 me", "this is the last you will hear from me"),
    rule(
        OTHERS,
        "threatens to hurt an animal",
        "cat|dog|pet|kitten|puppy|rabbit|hamster|cats|dogs ~10 drown|poison|strangle|kill|hurt|kick|throw|stab ~1 it|him|her",
        "the cat keeps coming in, next time ill drown it",
    ),
    rule(SUICIDE, "sees no way out", "see ~2 any|a|no ~1 way ~1 forward|through|on", "i cant see any way forward"),
    rule(SUICIDE, "says they are done", "i ~1 am ~1 done >$", "im done, i cant go on"),
    rule(
        SUICIDE,
        "mentions a plan with a condition",
        "when|once|after|if ~10 going|will|ill ~2 end|finish ~1 it|things|everything >$",
        "when the last of my tablets run out im going to finish it",
    ),
    rule(SUICIDE, "asks not to be stopped", "not ~1 try ~2 change ~1 my ~1 mind", "please dont try to change my mind"),
    rule(SUICIDE, "asks not to be stopped", "not ~1 try ~2 stop ~1 me", "dont try to stop me"),
    rule(SUICIDE, "mentions a place to die", "would|will ~1 be ~1 the ~1 place|spot !2:for|to", "i keep thinking it would be the place"),
    rule(
        SUICIDE,
        "mentions a method of suicide",
        "holding|hold|held ~2 my|myself ~1 breath|head ~4 under|water|bath",
        "practising holding my breath under the bath water",
    ),
    rule(
        SUICIDE,
        "mentions a ligature",
        "cord|belt|rope|ligature|flex|cable ~6 neck|stool|door|hook|banister|bannister|loft|beam|wardrobe",
        "i had the dressing gown cord round my neck",
    ),
    rule(SUICIDE, "mentions a ligature", "chair|stool ~4 cord|belt|rope|ligature|flex|cable", "stood on a chair with a belt"),
    rule(OTHERS, "passes on a veiled threat", "going ~1 to ~1 have ~1 an ~1 accident", "he is going to have an accident"),
    rule(OTHERS, "passes on a veiled threat", "remember ~2 his|her|their|your ~1 face|name|car|address", "i told her id remember her face"),
    rule(OTHERS, "describes thoughts of smothering someone", "pillow|bag|cushion ~3 over ~3 face|head|mouth", "putting a pillow over my mums face"),
    rule(ABUSE, "describes a drug debt", "owe|owes|owed ~2 a|the|some ~1 dealer|dealers|gang|lads", "i owe a dealer money"),
    rule(ABUSE, "describes a threat to someone close", "will ~1 pay ~1 if|unless", "my sister will pay if i dont"),
    rule(
        ABUSE,
        "describes neglect or mistreatment by a carer",
        "carer|carers ~3 shouts|screams|swears|hits|leaves|ignores|slaps|pushes|hurts ~2 at|me",
        "my carer shouts at me",
    ),
    rule(ABUSE, "describes being left without care", "leaves|left|leaving ~2 me ~2 in ~1 bed|chair ~3 all|day|hours|night", "leaves me in bed all day"),
    rule(
        ABUSE,
        "describes being blackmailed with images",
        "send|post|share|leak|show|sending|posting|sharing|leaking|showing ~3 pictures|pics|photos|video|videos|nudes|images|screenshots|messages ~8 unless|if ~2 i|we ~1 pay|send|give|do|sleep|meet",
        "they said they will share the video with my family unless i pay",
    ),
    rule(
        ABUSE,
        "describes people in their home they cannot remove",
        "staying|living|moved|stopping|sleeping ~3 at|in|into ~1 my ~1 flat|house|place|home|room ~10 not|scared|afraid|frightened ~3 get|make|tell|ask ~1 them|him|her ~2 leave|out|go",
        "his mates are stopping at my place and i cant make them go",
    ),
    rule(
        ABUSE,
        "describes their home being used for dealing",
        "sell|selling|sells|deal|dealing|deals|cook|cooking|store|storing|bag|bagging ~2 stuff|drugs|gear|weed|crack|coke|it ~2 from|out|in ~1 it|my|here|there >$|flat|house|place|home|and|i",
        "some lads use my flat and they deal stuff out of it",
    ),
    rule(
        ABUSE,
        "describes being punished for not obeying",
        "makes|made|make|forces|forced ~1 me ~4 sleep|stay|eat|beg|kneel|stand|sit|strip|wait ~6 if|unless|until|when|because ~2 i",
        "she makes me stand outside if i answer back",
    ),
    rule(
        ABUSE,
        "describes being made to pay back a debt",
        "owe|owed|owes ~2 him|her|them|money ~10 do|carry|hold|sleep|keep|sell ~2 things|stuff|favours|favour|packages|parcels|bags|with|for",
        "she says i owe her so i have to carry bags for her mates",
    ),
    // Cues: half of a situation each
    cue(Cue::CrisisState, "voices", "voices|voice !1:group|groups|network|of|recorder|message|messages|note|notes", "the voices are back"),
    cue(Cue::CrisisState, "hearing or seeing things", "hearing|seeing ~1 things !1:differently|clearly|positively|better|from|in|more|through|as", "i keep seeing things"),
    cue(Cue::CrisisState, "hearing or seeing things", "things ~2 not ~1 there", "things that are not there"),
    cue(
        Cue::CrisisState,
        "not sleeping or eating",
        "not|never|hardly|barely ~2 slept|eaten|sleeping|eating|sleep|eat ~5 days|nights|week|weeks|properly|since|all",
        "not slept or eaten for four days",
    ),
    cue(
        Cue::CrisisState,
        "spiralling",
        "spiralling|spiraling|downhill|unravelling|relapsing|psychotic|paranoid|paranoia|manic|unravelling",
        "im spiralling",
    ),
    cue(Cue::CrisisState, "getting worse", "am|i|feel|feeling|me ~3 worse ~2 than ~1 before|ever", "im worse than before"),
    cue(Cue::CrisisState, "getting worse", "am|feel|feeling|felt ~3 worse !1:at|with|about|than", "im getting worse"),
    cue(Cue::CrisisState, "in a bad way", "am|i ~3 in ~2 bad|terrible|awful|dark|horrible ~1 way|place|state", "im in a really bad way"),
    cue(Cue::CrisisState, "not coping", "not ~2 ok|okay|coping|alright >$|at|and|i|anymore|now|today|tonight", "im really not ok"),
    cue(Cue::CrisisState, "not coping", "can not ~2 cope|manage|function", "i can't cope"),
    cue(Cue::CrisisState, "struggling", "really|so|badly|massively|properly ~1 struggling|struggle", "im really struggling"),
    cue(Cue::CrisisState, "not sleeping or eating", "stopped ~1 eating|sleeping", "ive stopped eating"),
    cue(Cue::CrisisState, "in a bad way", "am ~1 in ~1 a ~1 state|mess", "im in a state"),
    cue(Cue::CrisisState, "off their medication", "meds|medication|tablets|prescription ~1 ran|run|running ~1 out", "my meds ran out"),
    cue(Cue::CrisisState, "barely holding on", "barely|hardly|only|just ~1 holding|hanging ~1 on", "im barely holding on"),
    cue(Cue::CrisisState, "thoughts growing", "thoughts|voices|urges ~3 louder|worse|stronger|constant|loud|dark|intense|unbearable|scary|racing", "the thoughts are getting louder"),
    cue(Cue::CrisisState, "panic", "panic ~1 attacks|attack ~4 every|all|constantly|daily|night|nights|again", "panic attacks every night"),
    cue(Cue::CrisisState, "falling apart", "falling|fallen|fell ~1 apart", "im falling apart"),
    cue(Cue::CrisisState, "falling apart", "breaking ~1 down >$|again|every|all|constantly", "i keep breaking down"),
    cue(Cue::CrisisState, "losing their mind", "head ~3 all ~2 over ~2 place", "my head is all over the place"),
    cue(Cue::CrisisState, "losing their mind", "losing|lost|lose ~1 my ~1 mind", "im losing my mind"),
    cue(Cue::CrisisState, "at a loss", "not ~1 know ~1 what ~1 to ~1 do >anymore|$|now|any|i", "i dont know what to do anymore"),
    cue(Cue::CrisisState, "off their medication", "off|without|run|ran|out ~2 my ~1 meds|medication|tablets|medicine ~4 weeks|days|week|because|since|#num|two|three", "off my meds for two weeks"),
    cue(Cue::NoSupport, "no one to turn to", "nobody ~2 to ~1 talk|turn|ring|call|help|speak|phone|text|go", "ive got nobody to talk to"),
    cue(
        Cue::NoSupport,
        "no one to turn to",
        "nobody >$|now|anymore|here|there|around|left|else|cares|helping|helps|checks|answers|answering|from|at|is|has|will|came|comes|rings|rang|and|i",
        "there is nobody now",
    ),
    cue(Cue::NoSupport, "no one to turn to", "not ~1 know ~3 who|where ~2 to ~2 ring|call|turn|go|talk|phone|contact|ask", "i dont know who to ring"),
    cue(Cue::NoSupport, "on their own", "on ~1 my ~1 own >$|and|now|with|all|again|i|here|at", "im on my own"),
    cue(
        Cue::NoSupport,
        "no one calling back",
        "not|never|nobody ~3 rung|rang|called|phoned|returned|got ~2 back|me|my|calls",
        "my cpn hasnt rung back",
    ),
    cue(
        Cue::NoSupport,
        "no one answering",
        "not|never|nobody ~3 answered|answering|answers|answer|replied|responded|picked|picks >$|and|the|my|me|at|i|when|anymore|now|up",
        "the crisis line doesnt answer",
    ),
    cue(Cue::NoSupport, "no one answering", "numbers|number|line|lines|phone ~2 not ~1 work|working|answer|answered|connect", "the numbers dont work"),
    cue(Cue::NoSupport, "no one calling back", "rang|rings|ring|rung|rings ~1 out", "it just rang out"),
    cue(Cue::NoSupport, "no one calling back", "no ~1 answer|reply|response", "no answer"),
    cue(Cue::NoSupport, "care ended", "closed|closing ~2 my ~1 case|file|referral", "they closed my case"),
    cue(Cue::NoSupport, "care ended", "discharged|discharge ~4 last|since|and|now|after|week|month|worse", "discharged last week"),
    cue(
        Cue::NoSupport,
        "their worker is away",
        concat!(staff!(), " ~3 away|left|leave|off|sick|holiday|leaving|gone|moved|quit|replaced !2:message|note|voicemail"),
        "my care coordinator is away for a month",
    ),
    cue(Cue::NoSupport, "no support", "no ~1 support|help|one >$|since|now|anymore|until|till|from|at|for|left|and|i", "ive got no support since my worker left"),
    cue(Cue::NoSupport, "no one calling back", "on ~1 hold ~4 hour|hours|ages|forever|then", "on hold for an hour"),
    cue(Cue::NoSupport, "no one coming", "not ~1 send|sending ~1 anyone|anybody|someone", "they cant send anyone"),
    cue(Cue::NoSupport, "a long wait", "appointment|appointments|review ~3 not ~1 until|till", "my next appointment isnt until march"),
    cue(
        Cue::NoSupport,
        "a long wait",
        "until|till ~2 monday|tuesday|wednesday|thursday|friday|saturday|sunday|next|january|february|march|april|may|june|july|august|september|october|november|december",
        "nobody until monday",
    ),
    cue(Cue::NoSupport, "a long wait", "waiting ~1 list|lists ~6 months|years|year|#num|long", "the waiting list is 9 months"),
    cue(Cue::NoSupport, "a long wait", "nothing|nobody ~3 until|till", "theres nothing until then"),
    cue(Cue::NoSupport, "refused help", "gp|doctor|pharmacy|surgery|they|psychiatrist ~3 not|refused|refuse|refusing ~2 prescribe|prescribing|help|see|do|give", "the gp wont prescribe"),
    cue(Cue::Staff, "a member of staff", staff!(), "the nurse"),
    cue(Cue::Boundary, "contact outside work", "snapchat|facebook|instagram|whatsapp|tiktok|insta|snap|twitter|tinder|dating !1:page|group|post|posts|account", "on snapchat"),
    cue(Cue::Boundary, "contact outside work", "personal|private|own ~1 number|phone|mobile|email|address", "his personal number"),
    cue(Cue::Boundary, "contact outside work", "late ~2 at ~1 night", "late at night"),
    cue(Cue::Boundary, "contact outside work", "middle ~2 night", "in the middle of the night"),
    cue(Cue::Boundary, "contact outside work", "at ~1 midnight|1am|2am|3am|4am", "at 2am"),
    cue(
        Cue::Boundary,
        "contact outside work",
        "wants|wanted|asked|asking|asks|invited|invites|offered ~3 meet|out|drink|drinks|date|dinner|pub !1:of",
        "wants to meet outside",
    ),
    cue(Cue::Boundary, "contact outside work", "meet|meeting ~2 outside|privately|secretly|alone|up", "wants to meet outside"),
    cue(Cue::Boundary, "contact outside work", "kisses|xx|xxx|babe|sweetheart|darling|hun", "texts me kisses"),
    cue(
        Cue::Boundary,
        "remarks on their body",
        "remark|remarks|remarking|remarked|comment|comments|commenting|commented|compliment|compliments|complimenting|complimented|staring|stared ~3 my|what ~1 figure|body|bum|boobs|breasts|legs|lips|cleavage|chest|looks|wear|wearing|clothes|outfit|bottom",
        "keeps remarking on my figure",
    ),
    cue(Cue::Boundary, "remarks on their body", "i ~1 was|am|looked|look|looking ~1 pretty|gorgeous|beautiful|sexy|attractive|fit|hot", "told me i was pretty"),
    cue(Cue::Boundary, "remarks on their body", "if ~1 i ~2 had|have ~1 a ~1 boyfriend|girlfriend|partner", "asked if i had a boyfriend"),
    cue(Cue::Boundary, "money", "lend|lent|borrow|borrowed|borrowing|loan|loaned|owe|owes|owed ~3 money|him|her|them|cash|#num|pounds|quid", "asked me to lend him money"),
    cue(Cue::Boundary, "money", "buy ~2 him|her|them ~2 cigarettes|fags|things|stuff|drink|food|alcohol|gifts|present|presents|tobacco", "asked me to buy her cigarettes"),
    cue(Cue::Boundary, "secrecy", "keep|keeping|kept ~3 secret|secrets|quiet", "keep our chats secret"),
    cue(Cue::Boundary, "secrecy", "keep|kept|keeping ~3 between ~1 us|ourselves", "keep what happened between us"),
    cue(Cue::Boundary, "secrecy", "not|never ~2 tell ~2 anyone|anybody|manager|managers|team|staff|others|nobody|boss", "not tell the manager"),
    cue(Cue::Boundary, "personal questions", "if ~1 i ~1 am|was|had ~1 single|dating|seeing|married !1:parent|mum|dad|mother|father|person", "keeps asking if im single"),
    cue(Cue::Boundary, "contact outside work", "after ~1 hours|shift", "a lift home after hours"),
    cue(Cue::Boundary, "a threat", "if ~1 i ~3 complain|complaining|complained|report|reporting", "if i keep complaining"),
    cue(Cue::Boundary, "money", "buy|get|pay ~3 for ~1 him|her|them", "asking me to buy stuff for him"),
    cue(Cue::Boundary, "contact outside work", "keep ~1 in ~1 touch", "keep in touch"),
    cue(Cue::Boundary, "sharing their own life", "her|his ~1 own ~1 problems|issues|relationship|marriage|divorce|money", "told me about her own problems"),
    cue(Cue::Boundary, "photographing them", "took|taking|takes|take ~2 photo|photos|picture|pictures|video|videos ~2 of ~1 me", "took a photo of me"),
    cue(Cue::Boundary, "touching", "kissed|kissing|kisses|hugged|cuddled|cuddles|cuddling ~2 me|my", "hugged me and kissed my forehead"),
    cue(Cue::Boundary, "secrecy", "not ~2 say ~1 anything|anyone|nothing", "said not to say anything"),
    cue(Cue::Boundary, "money", "privately ~3 for|cash|money", "see me privately for cash"),
    cue(Cue::Boundary, "money", "for ~1 cash|money", "for cash"),
    cue(Cue::Boundary, "photographing them", "film|filmed|filming|films|record|recorded|recording ~2 us|me ~10 phone|phones|online|snapchat|laugh|laughing", "film us and put it on their phones"),
    cue(Cue::Boundary, "flirting", "sexy|sexual|flirting|flirts|flirty|flirted|flirt|seductive", "telling me how sexy i looked"),
        cue(Cue::Boundary, "secrecy", "delete|deleted|deleting ~3 texts|messages|chats|photos|snaps|number", "told me to delete his texts"),
    cue(
        Cue::Boundary,
        "a threat",
        "if ~1 i ~2 complain|complained|tell|told|report|reported|say ~8 discharged|discharge|kicked|lose|removed|banned|sectioned|trouble|struck|meds|place|regret",
        "if i complain again she will get me discharged",
    ),
    cue(
        Cue::Boundary,
        "a threat",
        "nobody ~2 believe|believes|believed|listen|listens ~4 someone|people|anyone|patients|me ~4 diagnosis|like|bpd|eupd|history|mental",
        "nobody believes someone with my diagnosis",
    ),
    cue(Cue::Boundary, "touching", "hand|hands ~2 on ~1 my ~1 knee|leg|legs|thigh|thighs|bum|waist|chest|breast|breasts|bottom|lap", "his hand on my knee"),
    cue(Cue::Boundary, "off duty", "not ~1 on ~1 shift|duty|rota", "when hes not on shift"),
    cue(
        Cue::Boundary,
        "watching them undressed",
        "staring|stared|watching|watched|looking|looked|stares|watches ~6 changed|changing|undressed|undressing|shower|showering|naked|toilet|bath|dressed",
        "kept staring at me while i got changed",
    ),
    cue(Cue::Child, "a child", child!(), "the kids"),
    cue(
        Cue::Child,
        "a child's age",
        "1|2|3|4|5|6|7|8|9|10|11|12|13|14|15|16|17|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen ~1 year|yr|years|month|months ~1 old",
        "her 4 year old",
    ),
    cue(Cue::Child, "a child's age", "i ~1 am|was ~2 11|12|13|14|15|16|17|twelve|thirteen|fourteen|fifteen|sixteen|seventeen", "and im 16"),
    cue(Cue::Child, "a child", "little ~1 one|ones|boy|girl|lad|lass|sister|sisters|brother|brothers|cousin|cousins", "the little boy"),
    cue(Cue::Child, "a child's age", "is|aged|only|just ~1 1|2|3|4|5|6|7|8|9|10|11|12|13|14|15|eleven|twelve|thirteen|fourteen|fifteen >$|and|but|so|yet|now|i", "the lad next door is 11 and"),
    cue(Cue::ChildHarm, "left alone", "left|leaves|leaving|leave ~4 alone|unattended|unsupervised|themselves|own", "left on their own"),
    cue(
        Cue::ChildHarm,
        "injuries",
        "burn|burns|burnt|burned|bruise|bruises|bruised|bruising|scald|scalded|injuries|welts|marks <!8:fell|falling|trampoline|bike|football|playing|accident !8:healed|gp|doctor|accident|oven|kettle|fell|falling|playing|football|school|nursery|trampoline|bike|cream|sun|sunburn|exam|exams|test",
        "a burn on her arm",
    ),
    cue(Cue::ChildHarm, "an adult unfit to care", "out ~1 drinking|partying|clubbing", "so she can go out drinking"),
    cue(Cue::ChildHarm, "injuries", "cut|split|fat|busted ~1 lip", "a cut lip"),
    cue(Cue::ChildHarm, "injuries", "black ~1 eye|eyes", "a black eye"),
    cue(Cue::ChildHarm, "a child's account", "says|said|told ~3 mum|dad|mums|dads|stepdad|stepmum|he|she|boyfriend|girlfriend ~2 did ~1 it|that|this", "says his mum did it"),
    cue(Cue::ChildHarm, "neglect", "not ~1 get|getting|given|fed ~2 any|enough ~1 tea|food|dinner|breakfast|meals|lunch", "he doesnt get any tea"),
    cue(Cue::ChildHarm, "secrecy", "not|never ~2 tell ~2 my ~1 mum|mam|dad|parents|mom|teacher|teachers", "says not to tell my mum"),
    cue(Cue::ChildHarm, "an adult partner", "boyfriend|girlfriend ~2 is|was ~1 18|19|#num|older", "my boyfriend is 25"),
    cue(Cue::ChildHarm, "older men", "older ~1 men|man|lads|guys|boys|blokes", "older men"),
    cue(Cue::ChildHarm, "older men", "going|goes|went|gone ~1 off ~2 with", "going off with them"),
    cue(Cue::ChildHarm, "unsafe adults", "leaves|left|leaving ~4 with ~3 dealer|dealers|drug|drugs|strangers|drunk|random", "leaves our toddler with his drug dealer mates"),
    cue(Cue::ChildHarm, "neglect", "hungry|starving|unfed|neglected|filthy|malnourished", "they look hungry"),
    cue(Cue::ChildHarm, "neglect", "no ~1 food|coat|coats|shoes|dinner|meals|heating", "no food"),
    cue(Cue::ChildHarm, "crying unattended", "crying|screaming|screams|cries|cry ~5 days|nights|hours|constantly|nobody|alone|always", "crying for hours"),
    cue(
        Cue::ChildHarm,
        "no adult at home",
        "nobody|not ~3 anyone|anybody|adult|adults|parent|parents ~3 home|there|around|in ~4 days|nights|week|weekend|hours|ages",
        "not had anyone home for days",
    ),
    cue(
        Cue::ChildHarm,
        "violence",
        "hits|hit|smacks|smacked|beats|slaps|slapped|shakes|shook|kicks|punches ~1 her|him|them|the|my|his|their|at !2:head|ball|hand|back",
        "his dad hits him",
    ),
    cue(Cue::ChildHarm, "violence", "get|getting|got|being ~1 hit|smacked|beaten|hurt|slapped|battered|belted|shaken", "heard one of them get hit"),
    cue(Cue::ChildHarm, "violence", "rough ~1 with", "he is rough with her"),
    cue(Cue::ChildHarm, "locked in", "locks|locked|lock|shuts|shut ~2 him|her|them ~3 in|out|inside|up|room|cupboard|bedroom|shed", "locks him in the cupboard"),
    cue(Cue::ChildHarm, "an adult unfit to care", "drunk|stoned|wasted|smashed", "he gets drunk"),
    cue(Cue::ChildHarm, "an adult unfit to care", "drinks|drinking|drugs ~2 when|while ~3 has|got|with|looking", "he drinks when he has the kids"),
    cue(Cue::ChildHarm, "secrecy", "keep|keeping|kept ~2 secret|secrets", "makes her keep secrets"),
    cue(Cue::ChildHarm, "harm", "hurting|hurts|abusing|abuses|touching|touches|grooming|neglecting|neglects ~1 her|him|them", "hes hurting her"),
    cue(Cue::HighPlace, "a high place or railway", high_place!(), "the multi storey"),
    cue(Cue::HighPlace, "a high place or railway", "top ~1 floor|level|deck|storey ~3 carpark|building|flats|block|hospital|tower", "the top floor of the car park"),
    cue(
        Cue::Lingering,
        "staying there",
        "stood|stayed|sat|waited|stand|standing|sitting|waiting|stay|staying|sit|lingered|lingering|hung ~6 there|ages|hours|hour|long|while|edge|night|looking|staring|thinking|wondering !4:view|views|ducks|swans|boats|sunset|sun|lunch|friends|dog|photos|picnic|fishing|bus|train|queue|traffic|lights",
        "stayed up there a long time",
    ),
    cue(Cue::Lingering, "going back there", "most|every|all ~1 night|nights", "most nights"),
    cue(Cue::Lingering, "drawn there", "calm|peaceful|quiet|easy|safe|free|pull|drawn|tempting|tempted ~2 up|down|out|over ~1 there", "it felt calm up there"),
    cue(Cue::Lingering, "drawn there", "felt|feel|feels ~2 calm|peaceful|pull|drawn|tempted|tempting", "i feel drawn to it"),
    cue(Cue::Lingering, "checking there", "how|which ~1 high|tall|deep|fast", "how high it is"),
    cue(Cue::Lingering, "checking there", "how ~1 far|big|long ~2 drop|fall|down", "how far the drop is"),
    cue(Cue::Lingering, "checking there", "no|without|low ~1 barriers|barrier|fence|fences|railings|nets|gates", "no barriers"),
    cue(Cue::Lingering, "going back there", "keep|kept|keeps ~1 going|walking|driving|coming|ending|finding ~2 back|past|up|to|there|down", "i keep going back"),
    cue(Cue::Lingering, "going back there", "thinking|think|thought ~1 about ~1 it >$|again|every|when|and", "and thinking about it"),
    cue(Cue::Lingering, "going back there", "just ~2 to ~1 see|look|think", "just to see"),
    cue(Cue::Lingering, "trains passing", "letting|let|watching|watched ~2 trains|train ~2 go|pass|past|through", "letting the trains go past"),
    cue(
        Cue::Lingering,
        "looking down",
        "look|looking|staring|looked|stared|stare ~2 down|over|at|into ~2 water|drop|river|sea|road|traffic|tracks|edge|bottom",
        "looking at the water",
    ),
    cue(Cue::Medicine, "medicines", concat!(tablets!(), "|", drugs!()), "my tablets"),
    cue(
        Cue::Hoarding,
        "keeping medicine back",
        "saving|saved|save|stashing|stashed|stash|stockpiling|stockpiled|hoarding|hoarded|hiding|hid|hidden|squirrelling|squirrelled|tucked|tucking|storing|stored !2:money|up|for|pounds|cash|a|time|energy|lives|life",
        "saving my meds",
    ),
    cue(Cue::Hoarding, "keeping medicine back", "rather|instead ~2 than|of ~1 taking|take|swallowing", "rather than taking them"),
    cue(
        Cue::Hoarding,
        "keeping medicine back",
        "keeping|kept|keep|putting|put ~2 them|it|all|some ~4 in ~1 a|the ~1 bag|box|tin|tub|drawer|jar|shoebox|wardrobe|cupboard|sock|pot",
        "keeping them all in a bag",
    ),
    cue(Cue::Hoarding, "keeping medicine back", "just ~1 in ~1 case", "just in case"),
    cue(Cue::Hoarding, "keeping medicine back", "piling|piled|pile|stacking|stacked ~1 up", "piling up in the cupboard"),
    cue(Cue::Hoarding, "keeping medicine back", "not ~1 taken|took ~1 any|them|it", "i havent taken any"),
    cue(Cue::Hoarding, "keeping medicine back", "built|building|build ~1 up", "built up a store"),
    cue(Cue::Hoarding, "keeping medicine back", "store|stores|stock", "a little store"),
    cue(Cue::Hoarding, "keeping medicine back", "comforting|reassuring ~3 to ~1 have|know", "comforting to have it"),
    cue(Cue::Hoarding, "keeping medicine back", "pretend|pretending|pretended ~2 to ~1 take|swallow", "i pretend to take my meds"),
    cue(Cue::Hoarding, "keeping medicine back", "keep|kept|keeping|hide|hid|hiding ~2 them|it ~3 under|behind|inside ~2 mattress|pillow|bed|sock|socks|drawer|cheek|pocket|carpet", "keep them under the mattress"),
    cue(Cue::Hoarding, "keeping medicine back", "kept|keeping|keep|saved|saving|storing|stored ~1 them|it ~1 all|instead|aside|together", "kept them all"),
    cue(Cue::Hoarding, "keeping medicine back", "in ~1 case ~3 need|needed|want|ever", "in case i need them"),
    cue(Cue::Hoarding, "keeping medicine back", "put|putting|set|setting|keeping|kept|keep|holding|held ~6 aside|back|by|away", "putting aside"),
    cue(Cue::Hoarding, "keeping medicine back", "supply|collection|stash|stockpile|pile|bagful|boxful <!1:emergency|repeat|weekly|monthly|new|normal|usual|weeks|week|months|month|days|day", "a good supply"),
    cue(Cue::Hoarding, "keeping medicine back", "over|about|nearly|almost|got ~1 #num >now|$|saved|left|stashed|hidden|in", "theres over 100 now"),
    cue(Cue::Hoarding, "keeping medicine back", "not ~1 tell|told ~1 anyone|anybody", "dont tell anyone"),
    cue(Cue::Hoarding, "keeping medicine back", "since ~2 passed|died|death", "since she passed"),
    cue(Cue::Hoarding, "keeping medicine back", "worth >$|now|saved|stashed|hidden|put|tucked|stored|already", "months worth now"),
    cue(Cue::Hoarding, "keeping medicine back", "nobody|not ~2 knows|know|find|finds|notice|see ~2 about|them|it", "nobody knows about"),
    cue(Cue::Hoarding, "keeping medicine back", "not ~2 handed|handing|given|giving|taken|taking|returned ~1 back|them", "not handed back"),
    cue(Cue::Hoarding, "keeping medicine back", "good|comforting|nice|reassuring ~3 know ~3 there|have", "good to know theyre there"),
    cue(Cue::Hoarding, "keeping medicine back", "spare|leftover|extra ~2 prescriptions|prescription|meds|tablets|pills|packets|packs|blister", "my spare prescriptions"),
    cue(Cue::Hoarding, "keeping medicine back", "from ~1 different ~1 shops|chemists|pharmacies|places|supermarkets", "from different shops"),
    cue(Cue::HandingOn, "leaving them things", "will ~1 get|have ~1 my ~1 savings|money|things|stuff|flat|car|jewellery|house", "my mum will get my savings"),
    cue(Cue::HandingOn, "telling people they are loved", "what ~2 means|mean|meant ~2 to ~1 me", "what she means to me"),
    cue(Cue::HandingOn, "leaving them messages", "recorded|written|wrote|made|making ~3 videos|video|letters|cards|messages ~3 for ~2 kids|children|son|daughter|family|mum|dad|partner|everyone", "recorded videos for my kids"),
    cue(Cue::HandingOn, "giving things away", "giving|gave|given|give ~2 my ~1 clothes|books|furniture|records|phone|laptop|tv", "giving my clothes to my sister"),
    cue(Cue::HandingOn, "closing their affairs", "clearing|cleared ~1 out ~2 my ~1 flat|house|room|stuff|things", "clearing out my flat"),
    cue(Cue::HandingOn, "a pet", "cat|dog|pet|pets|rabbit|kitten|puppy|budgie|hamster|dogs|cats", "my cat"),
    cue(
        Cue::HandingOn,
        "giving things away",
        "give|giving|gave|given ~2 my ~2 place|seat|spot|ring|things|stuff|jewellery|belongings|savings|money|bank|cards|passwords|keys",
        "gave my nans ring to my sister",
    ),
    cue(Cue::HandingOn, "arranging who gets what", "who ~2 gets|get|has|have ~1 what|my", "sorted out who gets what"),
    cue(Cue::HandingOn, "closing their affairs", "cancelled|cancel|cancelling|given|giving|gave|give|handed ~2 notice|contract|contracts|phone|subscriptions|debit|tenancy", "cancelled my phone contract"),
    cue(Cue::HandingOn, "closing their affairs", "paid|paying|pay|cleared ~1 off ~2 my ~1 debts|debt|bills", "paid off my debts"),
    cue(Cue::HandingOn, "closing their affairs", "tidied|tidy|tidying|cleaned|cleared ~2 the|my ~1 flat|house|room|affairs", "tidied the flat"),
    cue(Cue::HandingOn, "telling people they are loved", "told|tell|telling ~3 kids|children|everyone|family|mum|daughter|son|sister|brother|them|him|her ~2 love|loved ~1 them|her|him", "told my kids i love them"),
    cue(Cue::HandingOn, "arranging care", "arranged|arrange|arranging|arrangements|sorted ~3 for ~3 my|brother|sister|mum|friend ~2 to ~1 have|take|look", "arranged for my brother to have"),
    cue(Cue::HandingOn, "calling everyone", "rang|called|phoned|messaged|texted|saw|visited|hugged ~2 everyone|everybody|all|people ~2 i ~1 love|care", "rang everyone i love"),
    cue(Cue::HandingOn, "a last time", "my ~1 last ~2 form|session|feedback|message|group|review|appointment", "my last feedback form"),
    cue(Cue::AfterThem, "a goodbye", "i ~1 said ~1 bye|goodbye|goodbyes !4:group|session|sessions|course|class|team|colleagues|party|therapist|worker", "tell them i said bye"),
    cue(Cue::AfterThem, "no fuss", "not ~1 want ~2 fuss|funeral", "i dont want a fuss"),
    cue(Cue::AfterThem, "in writing", "put ~1 it ~1 in ~1 writing", "ive put it in writing"),
    cue(Cue::AfterThem, "it is time", "it ~1 is ~1 time >$", "it's time"),
    cue(Cue::AfterThem, "whatever happens", "whatever ~1 happens|happen", "whatever happens"),
    cue(Cue::AfterThem, "after they are gone", "when|after|once ~1 i ~1 am|is ~1 not ~1 here|around|alive", "when im not here"),
    cue(Cue::AfterThem, "for good", "permanently|forever", "permanently"),
    cue(Cue::AfterThem, "for good", "for ~1 good >$|and|now|i", "for good"),
    cue(Cue::AfterThem, "looked after", "looked ~1 after", "she will be looked after"),
    cue(Cue::AfterThem, "no longer needed", "not ~1 be ~1 needing ~2 it|them|either|anything|any|that", "wont be needing either"),
    cue(Cue::AfterThem, "no longer needed", "not ~2 need ~2 it|them|anything ~3 where|after|anymore", "dont need it where im going"),
    cue(Cue::AfterThem, "where they are going", "where ~1 i ~1 am ~1 going|headed|heading", "where im going"),
    cue(Cue::AfterThem, "after they are gone", "in ~1 case ~1 i ~1 am ~1 not ~1 there|here|around", "in case im not there"),
    cue(Cue::AfterThem, "a last time", "one ~1 last|more ~1 time", "one more time"),
    cue(Cue::AfterThem, "while they can", "while ~1 i ~1 still ~1 can", "while i still can"),
    cue(Cue::AfterThem, "own arrangements", "arrangements ~2 for ~1 everything|everyone|afterwards|after", "made arrangements for everything"),
    cue(Cue::AfterThem, "someone else's need", "who|that ~1 needs|need ~1 it ~1 more", "someone who needs it more"),
    cue(Cue::AfterThem, "own arrangements", "made|make|making|sorted ~2 my ~1 own ~1 arrangements !2:for|to|with", "ive made my own arrangements"),
    cue(Cue::AfterThem, "no one to blame", "not|none ~3 your|her|his|their|anyones|anybodys ~1 fault", "its not your fault"),
    cue(Cue::AfterThem, "better for them", "better ~2 for ~1 him|her|them|everyone ~2 than ~2 with|staying", "better for him than staying with me"),
    cue(Cue::Menace, "knowing where someone is", "know|knows|found ~1 which|where|what|when ~4 lives|live|parks|gets|goes|drives|home|bus|car|kids|children|house !6:because|too|as|also", "i know which bus she gets home"),
    cue(Cue::Menace, "a warning", "be ~1 careful|sorry >$|or|because", "tell her to be careful"),
    cue(Cue::Menace, "a warning", "will ~1 regret|regrets", "she will regret it"),
    cue(Cue::CrisisState, "scared of their own mind", "scared|frightened|terrified|afraid ~2 of ~2 myself|head|mind|thoughts", "im scared of my own head"),
    cue(Cue::CrisisState, "cannot stop", "can not ~1 stop ~1 shaking|crying|screaming|sobbing|panicking|thinking", "i cant stop shaking"),
    cue(Cue::Boundary, "entering while they undress", "coming|comes|came|walks|walked|walking|barging|barges|barged ~3 in|into ~3 room|bathroom|toilet|shower|bedroom ~5 dressed|changing|changed|undressed|undressing|showering|naked|asleep|bed", "comes into my room while im getting changed"),
    cue(Cue::ChildHarm, "repeated injuries", "always|often|keeps|again|every|regularly|constantly|another|more|new ~3 bruise|bruises|bruised|marks|burns|injuries|black|cuts", "always has bruises"),
    cue(Cue::ChildHarm, "adults coming and going", "men|man|lads|adults|blokes|guys|strangers ~2 coming|going|visiting|calling|staying ~4 all|night|hours|late|flat|house|room", "men coming and going all night"),
    cue(Cue::ChildHarm, "left alone", "leaves|left|leaving|leave ~4 cot|room|car|bedroom|pram|buggy ~4 all|hours|day|night|while|ages", "leaves him in the cot all day"),
    cue(Cue::ChildHarm, "an adult unfit to care", "sleeps|sleeping|slept|sleep ~1 it ~1 off", "while she sleeps it off"),
    cue(Cue::ChildHarm, "an adult unfit to care", "passed|passes|passing ~1 out|outs", "mum keeps passing out"),
    cue(Cue::ChildHarm, "an adult's attention", "man|men|guy|bloke|older|adult|old ~3 messaging|messages|texting|texts|snapchatting|buying|buys|bought|giving|gives|picking|picks|meeting|meets", "a 25 year old messaging her"),
    cue(Cue::Hoarding, "keeping medicine back", "have|got|had|keep ~1 enough ~3 if|in|just|when|should", "so i have enough if it gets bad"),
    cue(Cue::Hoarding, "keeping medicine back", "collecting|collected|gathering|gathered|hoard ~1 up|all|them|her|his|old|spare|nans|mums|dads", "collecting my nans old painkillers"),
    cue(Cue::HandingOn, "rehoming a pet", "going ~2 to ~1 live|stay ~1 with", "is going to live with my sister"),
    cue(Cue::HandingOn, "telling people what they meant", "tell|let ~3 her|him|them|everyone|know|she|he|they ~4 only ~1 one|person", "tell her she was the only one"),
    cue(Cue::AfterThem, "better with someone else", "better ~2 than ~1 i|me ~2 can|could|ever", "a better life than i can give him"),
    cue(Cue::AfterThem, "not coming back", "not ~1 be ~1 coming ~1 back >$|x|now|i|and|so", "i wont be coming back"),
    cue(Cue::Menace, "hinting at what they could do", "no|not ~3 idea|know|realise|realize ~2 what ~1 i ~1 am ~1 capable", "she has no idea what im capable of"),
    cue(Cue::CrisisState, "thoughts growing", "thoughts ~2 back|returned|returning", "the thoughts are back"),
    cue(Cue::CrisisState, "seeing things", "seeing|hearing ~1 shadows|faces|people|figures|whispers", "im seeing shadows"),
    cue(Cue::CrisisState, "not sleeping or eating", "can not ~1 eat|sleep|think|breathe", "i cant eat"),
    cue(Cue::CrisisState, "feeling unreal", "feels|feel|feeling|felt ~2 unreal|numb|detached|empty|fake|foggy", "everything feels unreal"),
    cue(Cue::NoSupport, "told to ring back", "call|ring|phone|try ~1 back ~3 morning|tomorrow|monday|week|later", "said to call back in the morning"),
    cue(Cue::NoSupport, "cut off", "blocked|blocking ~1 my|me ~1 number|out|on", "my sister blocked my number"),
    cue(Cue::NoSupport, "alone", "am ~2 alone >$|now|tonight|and|again|here|i|with", "im totally alone"),
    cue(Cue::NoSupport, "someone close has gone", "partner|boyfriend|girlfriend|husband|wife|fiance|friend|sister|brother|mum ~1 left|walked|moved >$|me|last|out|and|yesterday", "my partner left last week"),
    cue(Cue::Boundary, "money", "bank ~1 details|card|account|pin|number", "asked me for my bank details"),
    cue(Cue::Boundary, "money", "loan|loans|lend|lending", "help with a loan"),
    cue(Cue::ChildHarm, "left alone", "on ~1 his|her|their ~1 own ~4 hours|ages|all|night|day|days|weekend|late", "on her own for hours"),
    cue(Cue::ChildHarm, "out all night", "staying|stays|stayed|out ~2 out|all ~1 night|nights|weekend", "staying out all night"),
    cue(Cue::ChildHarm, "older men", "men|man|lads|guys|blokes ~2 in ~1 their ~1 20s|30s|40s|50s|twenties|thirties|forties", "men in their 30s"),
    cue(Cue::ChildHarm, "neglect", "dirty|soaking|soaked|filthy|unchanged ~1 nappy|nappies|clothes|bottles", "a dirty nappy"),
    cue(Cue::ChildHarm, "neglect", "not ~2 feed|feeding|fed|feeds ~2 him|her|them|properly|enough", "she doesnt feed him properly"),
    cue(Cue::Medicine, "a pharmacy", "pharmacy|pharmacist|chemist", "the pharmacy"),
    cue(Cue::Hoarding, "keeping medicine back", "tell|told|telling ~2 them|staff|everyone|her|him|nurse|cpn|doctor|gp ~1 i ~1 take|took|am|have", "i tell them i take them"),
    cue(Cue::Hoarding, "keeping medicine back", "keep|still|kept ~2 picking|collecting|getting ~2 it|them ~1 up", "keep picking it up"),
    cue(Cue::Hoarding, "keeping medicine back", "so ~1 nobody ~1 asks|knows|notices|checks", "so no one asks"),
    cue(Cue::Hoarding, "keeping medicine back", "know ~1 exactly ~1 where", "i know exactly where it is"),
    cue(Cue::Hoarding, "keeping medicine back", "nobody ~1 else ~1 knows|does|know", "nobody else does"),
    cue(Cue::Hoarding, "keeping medicine back", "kept|keeping|keep ~3 extra|spare|rest|leftovers ~2 hidden|back|aside|quiet", "kept the extra hidden"),
    cue(Cue::HandingOn, "giving things away", "gave|giving|given|give ~1 my ~3 to ~1 my|nephew|niece|sister|brother|neighbour|friend|mate|cousin", "gave my guitar to my nephew"),
    cue(Cue::HandingOn, "closing their affairs", "paid|paying|pay ~2 my|her|him|them|everyone|sister|brother|mum|dad ~1 back", "paid my sister back"),
    cue(Cue::AfterThem, "all settled", "everything|all|everythings ~2 square|settled|sorted|straight|tied ~1 now|up >$|now|and|i", "everythings square now"),
    cue(Cue::AfterThem, "no longer needed", "not ~1 be ~2 needing|using|playing|wearing|riding|reading|driving ~2 it|them|again|anymore", "i wont be playing it again"),
    cue(Cue::AfterThem, "looked after", "look ~1 after ~2 the|each ~1 others|other|group", "look after the others"),    // The compositional layer (issue 14, second pass): each cue below is one half of a kind of situation, ordinary
    // alone, and the situations at the end of `SITUATIONS` pair them. They name classes of words (an ending, a
    // time or condition, an amount of medicine, a hiding place…) rather than the phrases of any one batch.
    cue(Cue::Finality, "an ending", "it|everything|this|things ~1 will|would|shall ~2 be ~1 over|finished >$|then|soon|for|and|i|by|once|when|after|with !5:relief|thank|thankfully|yay|phew|hooray|finally|wait|celebrate|normal|back|start|starting|better|easier|holiday", "it will all be over"),
    cue(Cue::Finality, "an ending", "checking|check|checked|clocking|clock|bowing|bow|tapping|tap out >for|$|once|when|after|i|then|soon|early", "checking out for good"),
    cue(Cue::Finality, "a settled decision", "made ~1 my ~1 mind ~1 up", "ive made my mind up"),
    cue(Cue::Finality, "a settled decision", "my ~1 mind ~1 is ~1 made ~1 up", "my mind is made up"),
    cue(Cue::Finality, "a chosen day", "is|be ~1 the ~1 day|night|date >$|i|and|then", "monday is the day"),
    cue(Cue::Finality, "an ending", "finally ~1 stop|end|rest ~1 everything|it|things ~1 all", "finally stop it all"),
    cue(Cue::Finality, "an ending", "stop|end ~1 everything >$|then|for|and|i", "stop everything"),
    cue(Cue::Finality, "an ending", "not ~1 be ~1 around|here|alive|breathing ~3 for|by|to|at|after|next|anymore|then|see !6:holiday|holidays|away|work|working|because|since|due|wedding|abroad|visiting|moving|move|college|uni|university|school|hospital|operation|surgery|busy|shift|shifts|off|on <!6:holiday|holidays|away|work|working|because|since|due|wedding|abroad|visiting|moving|move|college|uni|university|school|hospital|operation|surgery|busy|shift|shifts|off|on", "i wont be around for the next hearing"),
    cue(Cue::Finality, "an ending", "no ~1 more ~1 me|pain|anything|nothing >$|then|and|after|i", "no more pain"),
    cue(Cue::Finality, "an ending", "gone|leave|leaving|go|going|out ~1 for ~1 good >$|then|and|after|i|once|when", "gone for good"),
    cue(Cue::Deadline, "a time or condition", "if|once|after|when|before|until|till|by|next|soon|eve|monday|tuesday|wednesday|thursday|friday|saturday|sunday|birthday|christmas|xmas|anniversary|tomorrow|tonight|weekend|payday", "after my birthday"),
    cue(Cue::MedicineAmount, "an amount of medicine", concat!("#num|loads|lots|months|weeks|full|fair|heaps|bag|bags|box|boxes|tin|jar|bottle|carrier|stack|hundreds|dozens ~3 of ~2 ", tablets!(), "|", drugs!(), "|old|them|those|stuff"), "30 of my tablets"),
    cue(Cue::MedicineAmount, "an amount of medicine", concat!("#num|two|three|four|five|six ~1 months|weeks|boxes|packets|packs|bottles|strips ~1 of|worth ~2 ", tablets!(), "|", drugs!()), "two months of zopiclone"),
    cue(Cue::Stash, "a hiding place", "in|under|behind|inside|at|of ~2 a|my|the|back ~1 drawer|drawers|shoebox|tub|tin|jar|pillowcase|wardrobe|cupboard|bed|mattress|pillow|panel|suitcase|safe|loft|car|glovebox|bathroom|cabinet|bag|handbag|rucksack !2:kitchen|so|to|with|by|next", "in a drawer"),
    cue(Cue::Stash, "out of sight", "tucked|hidden|stashed|squirrelled|squirreled|squirrelling|squirreling|secreted ~1 away|behind|under|in|them|it", "tucked away"),
    cue(Cue::Stash, "out of sight", "nobody|not ~2 counted|checked|checks|counts|looked", "nobody has counted"),
    cue(Cue::Hoarding, "keeping medicine back", "holding|hanging|held|hung ~1 onto|on ~1 to|my|them|it|all", "holding onto my lithium"),
    cue(Cue::Hoarding, "keeping medicine back", "instead ~1 of ~1 taking|swallowing|having ~1 it|them", "instead of taking it"),
    cue(Cue::Hoarding, "keeping medicine back", "squirrelling|squirreling|squirrelled|squirreled|stashing|stashed|hoarding|hoarded ~1 away|them|it|up|my", "squirrelling away"),
    cue(Cue::Thanks, "thanks for everything", "thank|thanks ~3 everything|trying|all|everyone|putting|bearing|caring|patience|from", "thank you all for everything"),
    cue(Cue::Thanks, "thanks", "thank ~1 you >$|before|so|for|all|x|and|i", "thank you before i go"),
    cue(Cue::NotAround, "not around much longer", "not ~1 have ~1 to ~1 worry|bother|deal|cope|put|look ~3 me|with|up|after >$|much|soon|anymore|any|for|again|after|when|once|and|then|x", "you wont have to worry about me soon"),
    cue(Cue::NotAround, "not around much longer", "much|any ~1 longer >$|now|and|x|i", "much longer"),
    cue(Cue::NotAround, "a goodbye", "my ~1 goodbye|goodbyes|farewell >$|really|then|now|and|x|i|to", "this is my goodbye"),
    cue(Cue::NotAround, "not needing the service again", "not ~1 be ~1 needing|coming|attending ~3 appointment|appointments|group|session|sessions|place ~2 or|any|anymore|again|after", "i wont be needing the next appointment or any after it"),
    cue(Cue::NotAround, "affairs in order", "all|everything|things|affairs ~1 in ~1 order >$|now|and|so|i|then", "thats all in order now"),
    cue(Cue::Research, "looking a method up", "googling|googled|google|searching|searched|looking|looked|reading|read|researching|researched|working|worked|figured|figuring|calculated|calculating|checking|checked ~2 how|what|which ~2 long|much|many|high|deep|far|strong|quick|fast|quickest|best|painless|dose", "googling how long"),
    cue(Cue::Research, "looking a method up", "googling|googled|searching|searched|researching|researched ~2 how ~1 to", "googling how to"),
    cue(Cue::Lethal, "what would kill", "bleed|bled|bleeding ~1 out", "bleed out"),
    cue(Cue::Lethal, "what would kill", "would|will|could|it|does ~1 not ~1 take ~1 much|long|many|a", "it wouldnt take much"),
    cue(Cue::Lethal, "what would kill", "takes|take|need|needed ~2 to ~1 die|work|kill|stop", "it takes to die"),
    cue(Cue::Lethal, "what would kill", "would|will|could|might ~1 hold ~1 me|my|weight", "it would hold me"),
    cue(Cue::Lethal, "an attempt stopped short", "bottled|bottle|chickened|chicken|wimped ~1 it|out", "before i bottled it"),
    cue(Cue::Lethal, "an attempt stopped short", "lost ~1 my ~1 nerve", "lost my nerve"),
    cue(Cue::Lethal, "an attempt stopped short", "could|can ~1 not ~1 go ~1 through ~1 with", "i couldnt go through with"),
    cue(Cue::Means, "a means at hand", "beam|beams|rafters|rafter|hook|hooks|bannister|banister|bannisters|banisters|loft|hatch|doorframe|rope|belt|cord|ligature|hosepipe|exhaust", "the beam in the loft"),
    cue(Cue::Means, "a means at hand", "engine ~1 running|on ~3 garage|closed|shut|car|inside|windows", "the engine running in the garage"),
    cue(Cue::Means, "a means at hand", "garage|car ~3 engine ~1 running|on", "the car in the garage with the engine running"),
    cue(Cue::Lingering, "watching trains or traffic", "counting|watching|watched|counted|staring ~2 trains|train|lorries|cars|traffic|water|waves|drop", "counting the trains"),
    cue(Cue::Lingering, "staring at it", "staring|stare|stared|looking|look|looked ~1 at|up|down|over ~2 it|the|that ~1 beam|edge|drop|water|tracks|rope|hook", "staring at the beam"),
    cue(Cue::OwnBody, "their own body", concat!("my ~1 ", body!(), "|hand|hands|head|fist|fists|knuckles|face|fingers|nails|feet|foot|neck|hair"), "my wrist"),
    cue(Cue::Injuring, "on purpose", "on ~1 purpose|purpose >$|so|to|and|because|till|until|just|again|i|when", "on purpose"),
    cue(Cue::Injuring, "on purpose", "deliberately|purposely|intentionally", "deliberately"),
    cue(Cue::Injuring, "till it bled", "till|until|til ~1 my|they|it|i|the|skin|knuckles|there ~2 split|bled|bleed|bleeding|blistered|blister|broke|bruised|raw|opened|burst|scarred|peeled|bald|bruises|bruising|marks", "till my knuckles split"),
    cue(Cue::Injuring, "against a wall", "against|into ~2 wall|walls|door|doors|floor|radiator|mirror", "against the brick wall"),
    cue(Cue::Injuring, "reopening wounds", "picked|picking|pick|reopened|reopening|opened|opening ~3 wounds|wound|scabs|scab|cuts|scars|stitches", "picked at the wounds"),
    cue(Cue::Images, "intimate pictures", "pics|pictures|photos|photo|nudes|nude|videos|video|images|selfies|snaps", "pics"),
    cue(Cue::ShareThreat, "a threat to share them", "or|unless|otherwise|else|if ~3 post|share|send|leak|show|put|upload|spread ~1 them|it|those|these|online|everywhere|around", "or hell post them"),
    cue(Cue::ShareThreat, "a threat to share them", "threatening|threatened|threatens|threaten|going ~2 to ~1 post|share|send|leak|show|upload|spread ~1 them|it|those", "threatening to post them"),
    cue(Cue::ChildHarm, "an adult much older", "#num ~1 year|yr|years ~1 old ~1 man|men|guy|guys|bloke|blokes|lad|lads|adult", "a 25 year old man"),
    cue(Cue::ChildHarm, "gifts from a stranger", "sends|sent|buys|bought|gives|gave|giving|sending|buying ~2 her|him|them ~1 presents|gifts|money|vapes|phone|clothes|credit|weed|alcohol|drink", "sends her presents"),
    cue(Cue::Child, "a child's age", "5|6|7|8|9|10|11|12|13|14|15|16|17 ~1 year|yr ~1 old", "my 13 year old"),
    cue(Cue::Child, "a child", "my ~1 sons|daughters|kids|childs|babys", "my sons dad"),
    cue(Cue::Boundary, "touching", "stroked|stroking|stroke|strokes|touched|touching|touches|rubbed|rubbing|rubs|caressed|cuddled|kissed|fondled|groped ~2 my ~1 hair|face|leg|legs|thigh|thighs|knee|knees|neck|cheek|bum|chest|breasts|body|lips|waist|bottom", "stroked my hair"),
    cue(Cue::Boundary, "on their bed", "sat|sits|sitting|lay|lying|laid|climbed|got ~1 on|in|onto ~1 my ~1 bed", "sat on my bed"),
    cue(Cue::CrisisState, "not leaving bed or home", "not ~3 left|got|out|moved ~3 my|the ~1 bed|flat|house|room|bedroom ~3 in|for ~1 a|days|weeks|week|ages", "not left my bed in a week"),
    cue(Cue::CrisisState, "a mind in chaos", "head|heads|mind|brain ~2 a ~1 mess|wreck|shambles", "my heads a mess"),
    cue(Cue::CrisisState, "a mind in chaos", "everything|world|room|head ~1 is|keeps ~1 spinning", "everything is spinning"),
    cue(Cue::CrisisState, "cannot stop", "can|could ~1 not ~1 stop ~1 shaking|crying|screaming|panicking|sobbing|thinking", "cant stop shaking"),
    cue(Cue::NoSupport, "no one to turn to", "not ~1 got ~1 anyone|anybody|nobody ~3 to|who|check|call|ring|talk|help", "havent got anyone to check on me"),
    cue(Cue::NoSupport, "no one to turn to", "no ~1 replacement|cover|covering", "theres no replacement"),
    cue(Cue::NoSupport, "turned away", "ring|call|try ~1 back ~1 monday|tomorrow|next|later|another", "ring back monday"),
    cue(Cue::NoSupport, "no answer", "rings|ringing|rang|rung ~1 out|unanswered >$|and|i|every|again|when|all|so", "the crisis line just rings out"),
    cue(Cue::NoSupport, "no answer", "goes|went|going|straight ~1 to ~1 voicemail|answerphone", "it goes to voicemail"),
    cue(Cue::Finality, "an ending", "it|everything|this|things ~1 will|would|shall ~1 be ~1 done >$|then|and|i|x", "it will be done"),
    cue(Cue::Finality, "an ending", "i ~1 can|could|will|may ~1 go|rest|leave >$|then|now|peacefully|in|x|and", "i can go"),
    cue(Cue::Finality, "an ending", "then ~1 that ~1 is ~1 it >$|for|i|x|then", "and then thats it"),
    cue(Cue::Finality, "an ending", "holding|hanging|hang|hold|holding ~1 on ~1 until|till|til|for", "im holding on until"),
    cue(Cue::Finality, "nothing left", "nothing|nobody ~1 left >for|to|and|$|then|i", "theres nothing left and"),
    cue(Cue::NotAround, "not coming back", "not ~1 be ~1 back >$|x|and|so|i|after|again|then|now !6:holiday|holidays|away|work|working|because|since|due|appointment|wedding|funeral|abroad|visiting|moving|move|college|uni|university|school|hospital|operation|busy|shift|childcare|off|week|weeks|days|month|months|until|till", "i wont be back"),
    cue(Cue::NotAround, "before they go", "before ~1 i ~1 go|leave >$|x|and|so|you|for", "thank you before i go"),
    cue(Cue::Thanks, "gratitude", "grateful|thankful|appreciated|appreciate|gratitude", "i was grateful"),
    cue(Cue::HandingOn, "giving things away", "gave|giving|given|give|gives ~1 away ~2 my|all|everything|most", "gave away my plants"),
    cue(Cue::Lethal, "what would kill", "high|deep|strong|fast|tall ~1 enough >$|to|for|and|i|x", "high enough"),
    cue(Cue::Lethal, "what would kill", "enough ~4 to ~2 do|finish|end|kill|stop ~1 it|me|myself|the|everything", "enough to do it properly"),
    cue(Cue::Lethal, "stepping off", "stepping|step|stepped|jumping|jump|falling|fall|throwing|throw|going ~2 off|over|in|under >$|the|and|it|i|x", "thinking about stepping off"),
    cue(Cue::Lingering, "staying there", "spent|spend|spending ~2 night|day|evening|afternoon|hours|ages", "spent the night"),
    cue(Cue::Lingering, "waiting there", "at ~1 night|midnight ~2 and|waiting|just|again", "at night and waiting"),
    cue(Cue::Lingering, "waiting there", "parking|parked ~1 up ~2 by|at|near|on|under", "parking up by the"),
    cue(Cue::Injuring, "till it bled", "drew|draw|drawn|drawing ~1 blood", "till i drew blood"),
    cue(Cue::Injuring, "an injury", "needed|needing|need|got|had|getting ~1 stitches|steristrips|glued|butterfly|stitched", "needed stitches"),
    cue(Cue::Injuring, "hitting things", "punched|punch|punching|smashed|smash|headbutted|headbutting|hit|kicked ~2 wall|walls|mirror|door|window|glass|brick", "punched the mirror"),
    cue(Cue::Stash, "out of sight", "bedside|top|bottom ~1 drawer|drawers|cabinet", "bedside cabinet"),
    cue(Cue::Images, "a stranger online", "met|meet|meeting|talking|talk|chatting ~3 online|internet|app|snapchat|instagram|tiktok|facebook|discord|game|gaming|xbox", "a man i met online"),
    cue(Cue::ShareThreat, "a lure", "sending|sends|sent|buys|bought|buying|gives|gave|giving ~1 me ~1 money|presents|gifts|cash|things|clothes|vouchers", "sending me money"),
    cue(Cue::ShareThreat, "a lure", "wants|wanted|asking|asked|asks ~1 me ~2 to ~1 visit|meet|come|stay|move|travel|go", "wants me to visit him"),
    cue(Cue::ChildHarm, "an adult partner", concat!("boyfriend|girlfriend|partner|man|fella|bloke|guy ~3 is|aged|turned ~1 ", "18|19|20|21|22|23|24|25|26|27|28|29|30|31|32|33|34|35|36|37|38|39|40|41|42|43|44|45|46|47|48|49|50|51|52|53|54|55|56|57|58|59|60"), "her new boyfriend is 23"),
    cue(Cue::ChildHarm, "no food", "never|no|not ~3 food|dinner|tea|meals|breakfast|nappies|heating|electric|milk >in|for|$|and|when|at|left|there", "theres never any food in for"),
    cue(Cue::Boundary, "a drink or a date", "for ~1 a ~1 drink|drinks|date|meal|coffee ~1 with ~1 him|her|them", "went for a drink with him"),
    cue(Cue::CrisisState, "no sleep for days", "awake ~3 days|nights ~1 straight|running|now|in|on|and", "awake 5 days straight"),
    cue(Cue::NoSupport, "not seen for weeks", "not ~1 see ~1 me ~3 until|till|til|for ~2 next|weeks|months|month|ages", "wont see me til next month"),
    rule(OTHERS, "threatens violence", "whoever|person|anyone|someone|somebody|next ~8 getting|gets|get|will|going ~2 stabbed|glassed|knifed|battered|bottled|smacked|slapped|hurt !3:by|in|on|at|if|when", "the next person who touches my stuff is getting stabbed"),
    rule(SUICIDE, "would rather not wake", "better ~1 off ~3 not ~2 waking|wake|here|around|alive|existing|living|born|breathing", "id be better off not waking up"),
    cue(Cue::NotAround, "their last days", "my ~1 last ~1 months|weeks|days|moments|hours|year|christmas", "you made my last months easier"),
    cue(Cue::Thanks, "a message for them", "want|wanted ~1 you ~2 to ~1 know", "just want you all to know"),
    cue(Cue::AfterThem, "a better life elsewhere", "better ~1 life|home ~1 there|with|without|elsewhere >$|than|and|x|i", "shell have a better life there"),
    cue(Cue::HandingOn, "closing their accounts", "deleted|closed|shut|deactivated|cancelled ~3 socials|accounts|account|facebook|instagram|profiles|profile", "deleted all my socials"),
    cue(Cue::AfterThem, "said their piece", "said ~1 my ~1 piece|goodbyes|goodbye|peace", "said my piece to everyone"),
    cue(Cue::Finality, "an ending", "i ~1 am ~1 going >$|x|then|for|now", "as soon as hes settled im going"),
    cue(Cue::Finality, "a last night", "my ~1 last ~1 night|day|week|christmas|birthday >$|and|i|x|on|here|alive|then|decided", "new years eve will be my last night"),
    cue(Cue::Finality, "a last time", "make ~1 sure ~3 the ~1 last ~1 time", "ill make sure its the last time"),
    cue(Cue::Finality, "an ending", "calling|call|called ~1 it ~1 a ~1 day ~1 for ~1 good|ever", "im calling it a day for good"),
    cue(Cue::Research, "working a method out", "worked|working|figured|figuring|planned|found ~3 quickest|easiest|best|surest|fastest ~1 way", "worked out the quickest way"),
    cue(Cue::Lethal, "where they would do it", "where ~2 i ~1 would|will|could|am ~1 do|going ~1 it", "where id do it"),
    cue(Cue::Hoarding, "taking someone else's medicine", "nicked|nicking|stole|stolen|stealing|pinched|pinching|swiped|swiping", "nicked some of my mums morphine"),
    cue(Cue::Hoarding, "keeping medicine back", "saving|saved|save ~1 up ~1 my|the|some|all|them|it", "saving up my diazepam"),
    cue(Cue::Hoarding, "keeping medicine back", "for ~1 a ~1 bad|rainy|worst ~1 day|night|time", "for a bad day"),
    cue(Cue::Stash, "a hiding place", "in|inside ~2 my|a|the ~2 pocket|pockets|purse|wallet|sock|socks|shoe|shoes", "in my coat pocket"),
    cue(Cue::Injuring, "to feel it", "to|just ~1 feel ~1 something|it|pain|anything|real|alive", "to feel it"),
    cue(Cue::Injuring, "scalding", "poured|pour|pouring|held|hold|holding|ran|run ~3 boiling|scalding|hot ~1 water|kettle|oil", "poured boiling water"),
    cue(Cue::Injuring, "pulling hair out", "pull|pulled|pulling|rip|ripped|ripping|tear|tore|tearing ~3 out", "pull my hair out"),
    cue(Cue::Injuring, "biting", "bite|bit|bitten|biting|bites ~2 my|arm|arms|hand|hands|wrist|lip|cheek ~2 till|until|hard|bleed|bled|bruise|marks", "bite my arm hard enough to bruise"),
    cue(Cue::Images, "a stranger online", "lad|man|guy|bloke|girl|woman|someone ~2 from ~1 the ~1 group|ward|online|hostel", "a lad from the group"),
    cue(Cue::ChildHarm, "going into a child's room", "going|goes|comes|came|creeping|creeps|sneaking|sneaks ~2 in|into ~3 room|bedroom|bed", "keeps going in her room"),
    cue(Cue::ChildHarm, "neglect", "no ~1 lunch|coat|shoes|socks|breakfast|food", "comes to school with no lunch"),
    cue(Cue::ChildHarm, "neglect", "same ~1 clothes ~2 every|all|for|each", "the same clothes every day"),
    cue(Cue::ChildHarm, "a blow heard", "heard ~1 a ~1 smack|slap|thud|bang|crack|scream|thump", "i heard a smack"),
    cue(Cue::ChildHarm, "crying for hours", "screams|screaming|crying|cries|cried|screamed ~2 for ~1 hours|ages|days", "screams for hours"),
    cue(Cue::Boundary, "turning up", "turning|turns|turned|turn|showing|shows|showed ~1 up ~2 at ~1 my ~1 work|house|flat|door|home|job|school", "keeps turning up at my work"),
    cue(Cue::Boundary, "breaking confidence", "tells|told|telling|tell ~2 other|the ~1 patients|people|residents|clients ~3 what|about|my", "tells other patients what i said"),
    cue(Cue::Boundary, "mockery", "laughs|laughed|laughing|laugh|sneers|sneered|mocks|mocked|mocking ~1 at ~1 me|us", "laughs at me"),
    cue(Cue::NoSupport, "no one replaced them", "nobody ~2 replaced|replacing|covering|covered|took ~1 her|him|them|over", "no one replaced her"),
    cue(Cue::NoSupport, "no one to turn to", "can|could ~1 not ~1 get ~1 through ~2 to|anyone|anybody", "i cant get through to anyone"),
    cue(Cue::CrisisState, "no food or sleep", "not ~1 eaten|slept|eat|sleep ~2 in|for ~1 days|weeks|nights", "havent eaten in days"),
    cue(Cue::CrisisState, "terror", "terrified|petrified|frightened|panicking ~3 all|constantly|every|nonstop", "im terrified all the time"),
    cue(Cue::CrisisState, "hearing things", "hearing|hear|heard ~1 my ~1 name|voices", "hearing my name being called"),
    rule(SELF_HARM, "describes marks from a blade or object", concat!("scratches|cuts|burns|marks|scars|wounds|slashes ~3 from|with ~1 the|a|my|an ~1 ", sh_object!()), "my legs are a mess of scratches from the compass"),
    rule(OTHERS, "describes throwing something at someone", concat!("threw|throw|thrown|throwing|chucked|chucking|lobbed|hurled ~3 at ~2 ", victim_close!(), "|him|her|them|his|head|face"), "threw a plate at my girlfriend"),
    rule(OTHERS, "fantasises about hurting someone", "fantasis*|fantasiz*|daydream*|imagining|imagine ~3 running|hurting|killing|stabbing|hitting|punching|poisoning|strangling|attacking|beating|battering", "been fantasising about running my ex over"),
    rule(ABUSE, "describes being controlled", "not ~1 let ~1 me ~3 visitors|friends|family|out|leave|go|phone|money|see|talk|visit|eat", "he wont let me have visitors"),
    rule(ABUSE, "describes money being taken", "takes|took|taking|keeps|kept|stealing|steals|stole|spends|spent|having ~2 my ~1 pension|benefits|wages|universal|pip|esa|savings|credit", "she takes my pension"),
    rule(SUICIDE, "sees only one way out", "no ~1 way ~1 out ~4 except|but|apart|other|only", "theres no way out of this except one"),
    cue(Cue::NotAround, "not staying longer", "could|can ~1 not ~1 stay|hold|hang|last|keep ~2 longer|on >$|x|and|i|anymore", "im sorry i couldnt stay longer"),
    cue(Cue::Thanks, "praise for them", "been ~1 amazing|brilliant|wonderful|kind|great|lovely", "youve been amazing"),
    cue(Cue::HandingOn, "providing for them", "made ~1 sure ~4 alright|ok|okay|provided|looked|sorted|safe|covered", "made sure the kids will be alright"),
    cue(Cue::AfterThem, "the last thing", "the ~1 last ~1 thing ~2 to ~1 sort|do|arrange|organise|tidy", "that was the last thing to sort"),
    cue(Cue::Finality, "an ending", "then ~1 i ~1 am ~1 out|gone|done|off >$|x|for|of", "and then im out"),
    cue(Cue::Finality, "no waiting to suffer", "not ~1 waiting|hanging|sticking|staying ~1 around ~1 to ~1 suffer|rot|die|watch", "not waiting around to suffer"),
    cue(Cue::Finality, "an ending", "it|everything|this ~1 ends|stops >$|x|then|tonight|tomorrow|for|i", "tomorrow night it ends"),
    cue(Cue::Lingering, "a way up", "way ~1 onto|up|into|on ~2 roof|rooftop|top|ledge|balcony|edge|bridge", "a way onto the roof"),
    cue(Cue::Lethal, "trains that do not stop", "trains|train|ones ~3 not ~1 stop|slow", "which trains dont slow down"),
    cue(Cue::Means, "a railway", "station|stations|platform|platforms|railway|tracks", "at the station"),
    cue(Cue::Hoarding, "hiding medicine", "hide|hid|hiding|hides ~2 a|my|the|one|some|them|it ~1 tablet|tablets|pill|pills|meds|every|each !3:from", "i hide a tablet every night"),
    cue(Cue::Hoarding, "counting them up", "must ~1 be ~1 #num", "must be 40 by now"),
    cue(Cue::Injuring, "over and over", "over ~1 and ~1 over|again", "over and over"),
    cue(Cue::CrisisState, "acute distress", "shaking ~1 and ~1 screaming|crying|sobbing|panicking", "im shaking and screaming"),
    cue(Cue::CrisisState, "racing thoughts", "thoughts|head|mind ~2 racing|spiralling|spinning|going", "my thoughts are racing"),
    cue(Cue::CrisisState, "seeing things", "seeing ~1 shadows|things|people|faces|figures|bugs|spiders", "im seeing shadows"),
    cue(Cue::NoSupport, "nobody there", "nobody ~1 at|in ~2 crisis|house|office|team|clinic|base|desk", "theres no one at the crisis house"),
    cue(Cue::NoSupport, "worker off sick", "on ~2 long|term ~1 sick|leave", "my worker is on long term sick"),
    cue(Cue::NoSupport, "a long wait", "week|weeks|month|months ~1 wait|waiting >$|x|and|for|i|list|so|but", "theres a 6 week wait"),
    cue(Cue::ChildHarm, "shaking a child", "shakes|shook|shaking|shake ~1 him|her|them|the|baby", "shakes him when he cries"),
    cue(Cue::ChildHarm, "a pregnancy", "pregnant ~2 by|to|with", "pregnant by a 30 year old"),
    cue(Cue::Boundary, "a threat over a complaint", "if ~1 i ~3 complaint|complain|complained|report|reported|told", "if i made a complaint"),
    rule(SUICIDE, "mentions being found", "whoever|who|when|once ~2 finds|find|found ~1 me >$|x|and|in|i|so|first", "a note on the fridge for whoever finds me"),
    rule(SUICIDE, "describes secret goodbyes", "goodbye|goodbyes|bye ~3 without ~1 them|anyone|people|anybody ~1 knowing|realising|knew", "saying goodbye without them knowing"),
    rule(SUICIDE, "names the day they go", "is ~1 the ~1 day ~1 i ~1 go|die|end|leave|check >$|x|for|then", "is the day i go"),
    rule(SUICIDE, "does not plan to be around", "not ~1 plan|planning|intend|intending|expect|expecting ~2 being|be|to ~2 around|here|alive ~2 much|long|for|longer|after|by", "i dont plan on being around much longer"),
    rule(OTHERS, "says they may do something they will regret", "do ~1 something ~3 regret|regrets", "im going to do something ill regret"),
    rule(OTHERS, "wants to hit someone in the face", "want|going|will ~3 smash|punch|deck|lamp|glass|batter|kick|headbutt|slap|thump ~4 face|head|teeth|mouth|jaw", "i want to smash in the face"),
    rule(ABUSE, "describes being made to hold or move drugs", "making|make|makes|made|forcing|force|forced|forces ~1 me ~1 keep|hold|carry|store|sell|deliver|move|stash|hide ~2 drugs|stuff|packages|bags|weed|gear|money|weapons|parcels", "they are making me keep drugs in my flat"),
    rule(ABUSE, "describes sex to pay a debt", "sex|sleep ~6 pay|owe|debt|debts|rent", "told to have sex with his friends to pay off what i owe"),
    rule(SELF_HARM, "describes taking a blade from a sharpener or razor", "took|take|taking|broke|break|breaking|broken|prised|prise|pried|snapped|snap|smashed ~3 sharpener|sharpeners|razor|razors|disposable|disposables ~1 apart|open|out|up", "took the sharpener apart again"),
    rule(OTHERS, "makes a veiled threat", "will|would|going ~1 not ~1 see ~1 it|this|me ~1 coming", "he wont see it coming"),
    rule(OTHERS, "makes a veiled threat", "make|making|made ~1 him|her|them|my|that|the ~2 pay >for|back|$", "im going to make my ex pay for what he did"),
    // Third pass of issue 14: wider word classes for the kinds that slipped on a blind batch.
    rule(SUICIDE, "mentions letters left to be found", "letters|letter|note|notes ~10 where ~3 find|found|see", "put the letters where theyll find them"),
    rule(SUICIDE, "arranges who gets their things", "sorted|sorting|decided|deciding|worked|working|written|wrote ~2 who ~1 gets|get|has|have|takes|inherits ~2 my", "sorted out who gets my guitar"),
    rule(SUICIDE, "tells someone it was never their fault", "never|not ~1 their|your|his|her|anyones ~1 fault ~4 whatever|what|when|after|happens|hear|find", "tell them it was never their fault whatever they hear"),
    rule(OTHERS, "makes a veiled threat", "better ~1 watch ~1 out|themselves|himself|herself|yourself|it", "she'd better watch out"),
    rule(OTHERS, "makes a veiled threat", "should|better|needs|want ~2 mind ~1 herself|himself|themselves|yourself", "the receptionist should mind herself"),
    rule(OTHERS, "knows where someone lives or goes", "know|found|seen|worked ~2 where ~2 he|she|they|her|his|their ~2 lives|live|lived|parks|walks|goes|drinks|works|sleeps|kids|mum", "i know where her mum lives"),
    rule(OTHERS, "knows where someone lives or goes", "his|her|their ~1 address|reg|registration !1:for|on|of|to|is|was|and", "ive got his address off the internet"),
    rule(OTHERS, "mentions putting someone in hospital", "put ~1 him|her|them|someone|somebody|that|the ~2 in ~1 hospital|intensive", "ill put him in hospital"),
    rule(OTHERS, "mentions setting fire to a place", "petrol|lighter|accelerant|paraffin ~5 round|around|through|over|on ~5 shed|car|van|house|door|flat|garage|letterbox|fence|place|home", "poured petrol round their shed"),
    rule(OTHERS, "threatens damage to property", "smash|slash|torch|wreck|trash|brick <!3:someone|somebody|kids|they|storm|wind ~4 windows|window|tyres|tires|car|cars|van|house|flat|door|motor|shop|garage|shed !2:game|games|quiz|toast", "gonna slash the tyres on his car"),
    rule(OTHERS, "keeps a weapon ready for someone", "hammer|knife|bat|blade|machete|crowbar ~6 in ~1 case ~4 he|she|they|neighbour|him|her|them|anyone", "a hammer by the door in case that neighbour starts"),
    rule(ABUSE, "describes a debt they are made to pay off", "says|said|tells|told|reckons ~2 i|we ~1 owe|owed ~1 him|her|them|money|#num", "now says i owe him"),
    rule(ABUSE, "describes carrying packages for others", "parcels|parcel|packages|package|packs|bags|bag|deliveries ~5 to ~1 take|carry|drop|deliver|hold|move ~6 can|not|no|or|scared|threat|threatened|make|makes|made", "giving me parcels to take on the train and say i can not say no"),
    rule(ABUSE, "describes someone taking control of their money or card", "taken|took|takes|keeps|kept|stole|stolen|nicked ~2 my ~1 bank ~1 card|cards|pin", "they have taken my bank card"),
    rule(ABUSE, "describes someone taking control of their money or card", "keeps|kept|takes|took|has ~1 my ~1 benefits|money|pip|wages|pension ~6 only|if|unless|lets", "she keeps my benefits money and only gives me a bit"),
    cue(Cue::ChildHarm, "an older adult", "older ~1 guy|bloke|lad|boy|girl|woman|fella|bloke", "an older guy"),
    cue(Cue::ChildHarm, "grooming with gifts", "buying|buys|bought|giving|gives|gave ~2 her|him|them|me ~1 vodka|alcohol|drink|drinks|weed|drugs|cigarettes|presents|phone|phones|trainers", "keeps buying me vodka"),
    cue(Cue::ChildHarm, "locked in", "locked|locks|lock ~2 in|inside|out", "left him locked in the flat"),
    cue(Cue::ChildHarm, "messages at night", "messages|messaging|texts|texting|snaps|snapchats|dms|messaged|texted ~3 at ~1 night|midnight|late", "sends her messages at night"),
    cue(Cue::ChildHarm, "secrecy", "not|never ~1 to ~1 tell ~1 me|anyone|anybody", "telling her not to tell me"),
    cue(Cue::ChildHarm, "neglect", "not|never|no|nobody|hardly ~2 fed|feeding|feeds|washed|bathed|dressed", "havent been fed properly"),
    cue(Cue::Child, "a child", "twins|twin|infant|infants|teenager|teenagers|stepkids|stepchildren|youngster|youngsters|schoolgirl|schoolboy", "the twins downstairs"),
    cue(Cue::Boundary, "comments on their body or clothes", "comment|comments|commenting|commented|remarks|remarking|remarked ~3 what ~1 i ~1 wear|wearing|wore", "keeps commenting on what i wear"),
    cue(Cue::Boundary, "touching", "touch|touches|touching|touched|stroke|strokes|stroking|stroked|rubbed|rubs|rubbing ~2 my ~2 back|hair|face|neck|leg|legs|knee|thigh|thighs|waist|bum|bottom|chest", "touching my lower back"),
    cue(Cue::Boundary, "meeting at home", "come|came|coming|go|went|going ~2 round|over|back ~2 to ~1 his|her|their ~1 house|flat|place|home", "come round to his house"),
    cue(Cue::Boundary, "off the books", "off ~1 the ~1 books|record|records", "off the books"),
    cue(Cue::Boundary, "a favour in return", "if ~1 i ~2 did|do|done ~2 him|her|them ~1 a ~1 favour|favours", "if i did him a favour"),
    cue(Cue::Boundary, "money", "borrowed|borrow|borrowing|took|taken|used|using ~1 my ~1 bank ~1 card|cards|pin", "borrowed my bank card"),
    cue(Cue::Boundary, "adding them online", "adding|added|add|adds|followed|following|follows ~2 me ~2 on", "keeps adding me on facebook"),
    cue(Cue::Staff, "a member of staff", "physio|physios|physiotherapist|physiotherapists|leader|leaders|tutor|tutors|mentor|mentors|advocate|volunteer|volunteers|befriender|befrienders|chaplain|matron|dietitian|dietician|medic|medics|porter|porters|cleaner|cleaners|hcsw|rmn|sister", "the physio"),
    cue(Cue::Hoarding, "keeping medicine back", "repeat|repeats|prescription|prescriptions ~1 early", "asked for a repeat early"),
    cue(Cue::Hoarding, "keeping medicine back", "enough ~2 spare|extra|saved|put|aside", "enough spare put by"),
    cue(Cue::Medicine, "medicines", "repeat|repeats|prescription|prescriptions|lithium|quetiapine|sertraline|zopiclone|diazepam|propranolol|amitriptyline|mirtazapine|pregabalin|gabapentin|tramadol|morphine|oxycodone|clozapine|olanzapine|fluoxetine|citalopram|venlafaxine", "my lithium"),
];

/// Every situation the screener recognises: two cues near each other.
pub(super) const SITUATIONS: &[Situation] = &[
    situation(
        CRISIS,
        "describes a crisis with no one to turn to",
        [Cue::CrisisState, Cue::NoSupport],
        14,
        "the voices are telling me to do things and my care coordinator is away for a month",
    ),
    situation(
        CARE,
        "describes staff crossing professional boundaries",
        [Cue::Staff, Cue::Boundary],
        16,
        "one of the support workers keeps messaging me on snapchat late at night",
    ),
    situation(
        ABUSE,
        "describes a child who may be at risk",
        [Cue::Child, Cue::ChildHarm],
        14,
        "my brothers kids are left on their own most nights",
    ),
    situation(
        SUICIDE,
        "describes going to a high place or railway and staying there",
        [Cue::HighPlace, Cue::Lingering],
        12,
        "walked to the top of the multi storey after group and stayed up there a long time",
    ),
    situation(
        SUICIDE,
        "mentions stockpiling medication",
        [Cue::Medicine, Cue::Hoarding],
        14,
        "group has been brilliant, ive got a stash of sertraline put by",
    ),
    situation(
        SUICIDE,
        "describes making arrangements for after they are gone",
        [Cue::HandingOn, Cue::AfterThem],
        14,
        "found a new home for my cat so shell be looked after whatever happens",
    ),
    situation(
        OTHERS,
        "describes a threat to a member of staff",
        [Cue::Staff, Cue::Menace],
        12,
        "i know which bus the psychologist gets home",
    ),
    situation(
        SUICIDE,
        "describes an ending set for a time or condition",
        [Cue::Deadline, Cue::Finality],
        12,
        "after my birthday on friday it'll all be over",
    ),
    situation(
        SUICIDE,
        "mentions an amount of medicine kept hidden",
        [Cue::MedicineAmount, Cue::Stash],
        10,
        "30 of my tablets in a drawer now",
    ),
    situation(
        SUICIDE,
        "describes saying thanks and not being around",
        [Cue::Thanks, Cue::NotAround],
        18,
        "thank you all for everything, you wont have to worry about me soon",
    ),
    situation(
        SUICIDE,
        "describes looking up a method",
        [Cue::Research, Cue::Lethal],
        12,
        "been googling how long it takes to bleed out",
    ),
    situation(
        SUICIDE,
        "describes a means at hand",
        [Cue::Means, Cue::Lethal],
        14,
        "i keep staring at the beam in the loft and thinking it would hold me",
    ),
    situation(
        SUICIDE,
        "describes a means at hand",
        [Cue::Means, Cue::Lingering],
        10,
        "i keep staring at the beam in the loft",
    ),
    situation(
        SUICIDE,
        "describes a high place and an attempt stopped short",
        [Cue::HighPlace, Cue::Lethal],
        14,
        "stood on the bridge for an hour before i bottled it",
    ),
    situation(
        SUICIDE,
        "mentions enough medicine, hidden",
        [Cue::Stash, Cue::Lethal],
        10,
        "theres enough in my bedside cabinet to do it properly",
    ),
    situation(
        SELF_HARM,
        "describes injuring their own body",
        [Cue::OwnBody, Cue::Injuring],
        8,
        "held my wrist on the hob on purpose",
    ),
    situation(
        ABUSE,
        "describes a threat to share intimate pictures",
        [Cue::Images, Cue::ShareThreat],
        18,
        "got me to send pics and now he wants money or hell post them",
    ),
];

/// Classes of words the learned model also reads as their class (`@body` for "thighs" or "wrist"), so that what it
/// learnt from one member carries to the others: "the physio" like "the nurse", "my lithium" like "my tablets".
/// The lists are the rules' own (words with a `*` suffix are left out).
pub(super) const WORD_CLASSES: &[(&str, &str)] = &[
    ("@body", body!()),
    ("@medicine", tablets!()),
    ("@violence", violence!()),
    ("@abuse", abuse!()),
    ("@staff", concat!(staff!(), "|physio|physios|physiotherapist|leader|leaders|tutor|tutors|mentor|advocate|volunteer|volunteers|befriender|chaplain|matron|medic|porter|cleaner|hcsw|rmn")),
    ("@child", concat!(child!(), "|twins|twin|infant|infants|teenager|teenagers|stepkids|stepchildren|youngster|youngsters")),
    ("@high", high_place!()),
    ("@drugs", drugs!()),
    ("@object", sh_object!()),
    ("@clothes", clothes!()),
    ("@risk", at_risk!()),
    ("@medicine", "repeat|repeats|prescription|prescriptions|lithium|quetiapine|sertraline|zopiclone|diazepam|propranolol|amitriptyline|mirtazapine|pregabalin|gabapentin|tramadol|morphine|oxycodone|clozapine|olanzapine|fluoxetine|citalopram|venlafaxine"),
    ("@contact", "snapchat|facebook|instagram|whatsapp|tiktok|insta|snap|twitter|tinder|dating|messaging|messages|texting|texts|dms|number|address"),
    ("@property", "window|windows|tyres|tires|car|van|house|flat|door|shed|garage|fence|letterbox|motor"),
    ("@fire", "petrol|torch|burn|burning|fire|lighter|matches|paraffin|arson|blaze"),
    ("@money", "money|cash|quid|pounds|card|pin|benefits|pip|wages|debt|owe|owed|owes|loan|lend|borrow|borrowed"),
    ("@farewell", "goodbye|goodbyes|bye|letters|letter|note|notes|funeral|rehomed|rehome|inherit|whatever|forever"),
];

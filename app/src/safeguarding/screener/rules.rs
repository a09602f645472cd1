//! The rules as data: every phrase the screener recognises, with the concern it raises, the reason a reviewer is
//! shown and an example the tests screen. The pattern language is described in the screener's module documentation.

use super::Concern;

/// One phrase the screener recognises.
pub(super) struct Rule {
    pub(super) concern: Concern,
    /// Why a reviewer is shown the answer, in plain words ("mentions ending their life").
    pub(super) reason: &'static str,
    /// The phrase, in the pattern language described in the module documentation.
    pub(super) pattern: &'static str,
    /// A sentence the rule must flag: every rule is tested against its own example.
    #[cfg_attr(not(test), expect(dead_code, reason = "read by the tests, which check every rule against it"))]
    pub(super) example: &'static str,
}

pub(super) const fn rule(concern: Concern, reason: &'static str, pattern: &'static str, example: &'static str) -> Rule {
    Rule { concern, reason, pattern, example }
}

pub(super) const SUICIDE: Concern = Concern::SuicidalThoughts;
pub(super) const SELF_HARM: Concern = Concern::SelfHarm;
pub(super) const OTHERS: Concern = Concern::HarmToOthers;
pub(super) const ABUSE: Concern = Concern::AbuseOrExploitation;
pub(super) const CARE: Concern = Concern::UnsafeCare;

/// Parts of the body people harm.
macro_rules! body {
    () => {
        "arm|arms|wrist|wrists|leg|legs|thigh|thighs|skin|stomach|tummy|belly|hip|hips|chest|body"
    };
}
/// Medicines, as people name them.
macro_rules! tablets {
    () => {
        "tablets|tablet|pills|pill|meds|medication|medicine|paracetamol|painkillers|tabs|codeine|cocodamol|insulin|antidepressants|sleeping"
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
        "staff|nurse|nurses|doctor|doctors|dr|psychiatrist|psychiatrists|psychologist|psychologists|therapist|therapists|counsellor|worker|workers|cpn|cpns|hca|hcas|receptionist|receptionists|reception|security|guard|guards|coordinator|consultant|consultants|practitioner|practitioners|clinician|clinicians|facilitator|facilitators|team|manager|managers|police|officer|officers|paramedic|paramedics|gp|keyworker|member|members"
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
            "awareness|training|information|info|subject|subjects",
            " !module|modules|session|sessions|workshop|workshops|leaflet|leaflets|training|awareness|prevention|policy|topic"
        )
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
        concat!("how ~1 many ~2 ", tablets!(), " ~3 take|takes|kill|die|need|would|to !2:day|daily|night|morning|each|every|a"),
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
    rule(SELF_HARM, "mentions an overdose", "overdos*|od|od'd|oded|od'ed|oding|od'ing|ods", "took an overdose last month"),
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
        "rape|raped|rapist|rapists|raping|molest*|grooming|groomed|trafficked|trafficking|paedo*|pedo*|incest|fgm|cuckooed|cuckooing|sextortion|upskirting|nudes|sexting|groped",
        "he raped me",
    ),
    rule(
        ABUSE,
        "mentions abuse",
        "abuse|abused|abuser|abusers|abusing|abusive <!substance|alcohol|drug|drugs|solvent|self !alcohol|drugs|drink|substances|cannabis|weed|cocaine|coke|pills|tablets",
        "it was an abusive relationship",
    ),
    rule(ABUSE, "mentions domestic violence", "domestic ~1 violence|abuse|abuser|incident|incidents", "there is domestic violence at home"),
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
    rule(ABUSE, "mentions exploitation", "exploit|exploited|exploiting|exploitation|exploitative", "i think im being exploited"),
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
        concat!(abuser!(), " ~2 threaten|threatens|threatened|threatening ~1 to !3:evict|eviction|court|bailiffs|notice|rent|sue"),
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
            " ~3 asked|messaged|texted|added|kissed|hugged|flirted|flirting|followed|sent|dmed|dm'd|gave|given ~2 me|my ~2 out|number|facebook|instagram|snapchat|date|drink|address|personal|pictures|photos|pics|nudes"
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
];

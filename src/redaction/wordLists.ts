/**
 * The small word lists the redactor reads (see PROVENANCE.md). All lower case. compromise's own lexicon adds its
 * first names and surnames; these lists add the names common in Coventry that it lacks, the names that are also
 * ordinary words, and the places and organisation words that must never be taken for a name.
 */

const words = (text: string): ReadonlySet<string> => new Set(text.trim().split(/\s+/));

/** First names: the most common given names in England and Wales across the generations now adults and children. */
export const FIRST_NAMES = words(`
  aaron abdul abdullah adam adrian ahmed aisha alan albert alex alexander alfie ali alice alison amanda amelia amir amy
  andrea andrew andy angela anita ann anna anne anthony arjun arthur asif ava barbara barry ben benjamin beth bethany
  bilal bob brenda brian carl carol caroline catherine charles charlie charlotte chloe chris christine christopher
  claire colin connor craig dan daniel danny darren dave david dawn dean debbie deborah dennis derek diane donna doris
  dorothy edward eileen elizabeth ella ellie emily emma eric ethan fatima fiona florence frank freddie freya gary gavin
  george georgia gordon graham hannah harjit harpreet harry harvey hassan hayley helen henry hussain ian imran irene isaac
  isabella isla jack jacob jade jake james jamie jane janet jason jasmine jaspreet jean jennifer jenny jessica joan joe
  john jonathan joseph josh joshua julie karen kate katie kathleen keith kelly kevin kieran kulwinder kyle laura lauren
  lee leo lewis liam linda lisa logan louise lucy luke lynn maisie mandeep manjit margaret maria marie martin mary matt
  matthew maya megan michael michelle mick mike mohammad mohammed muhammad nadia naomi natalie nathan neil nicola nicole
  nigel noah olivia oliver omar oscar paul pauline peter phil philip priya rachel rajesh ravi rebecca richard rob robert
  robin ryan sadia sajid sam samantha samuel sandra sarah scott sean shabana sharon shaun sheila simon sophie stacey
  stephen steve steven stuart sukhwinder susan suzanne tahir teresa thomas tim timothy tina toby tom tony tracey tracy
  trevor tyler vicky victoria wayne wendy william yasmin zain zara zoe
  agnieszka andrzej anna kasia katarzyna krzysztof marek marta piotr tomasz ionut andrei elena mihai vasile kwame
  abdi amina chidi emeka ngozi tunde yusuf
  rose will hope bill mark grace faith joy summer jack pat sue rob ray frank holly ivy daisy lily poppy ruby amber
  penny heather dawn april may june autumn violet iris hazel pearl jay drew dean cliff miles chase hunter guy
  victor ash sky rocky bishop
`);

/**
 * Given names that are also ordinary English words: taken for a name only with more evidence (a surname after it,
 * a title or a word like "neighbour" before it, or compromise reading it as a person rather than a verb or noun).
 */
export const WORD_NAMES = words(`
  rose will hope bill mark grace faith joy summer jack pat sue rob ray frank holly ivy daisy lily poppy ruby amber
  penny heather dawn april may june autumn violet iris hazel pearl jay drew dean cliff miles chase hunter guy
  victor ash sky rocky bishop carol gene bob bobby sandy rusty gail faye dot eve norm bud chip mo
  art brook brooke kit lane max sonny sunny page reed wade cole earl
`);

/** Surnames: the commonest in England and Wales, and those common in Coventry's South Asian, Polish and Romanian communities. */
export const SURNAMES = words(`
  smith jones williams taylor brown davies evans wilson thomas johnson roberts robinson thompson wright walker white
  edwards hughes green hall lewis harris clarke clark patel jackson wood turner martin cooper hill ward morris moore
  clarke lee king baker harrison morgan allen james scott phillips watson davis parker price bennett young griffiths
  mitchell kelly cook carter richardson bailey collins bell shaw murphy miller cox richards khan marshall anderson
  simpson ellis adams singh begum wilkinson foster chapman powell webb rogers gray mason ali hunt hussain campbell
  matthews owen palmer holmes mills barnes knight lloyd butler russell barker fisher stevens jenkins murray dixon
  harvey ahmed kaur sharma gill sandhu dhillon sidhu bains kumar mistry chauhan rahman akhtar iqbal mahmood malik
  shah bibi nowak kowalski wisniewski wojcik kowalczyk kaminski lewandowski popescu ionescu popa okafor adeyemi
  mensah osei obi o'brien o'neill o'connor mcdonald macdonald murphy doyle byrne walsh ryan
`);

/** Surnames that are also ordinary words or place words: taken for a name only after a first name or a title. */
export const WORD_SURNAMES = words(`
  green hall wood hill ward king baker young cook carter bell shaw miller cox marshall mason hunt palmer knight butler
  fisher turner white brown black wright walker cooper parker price bennett holmes mills barnes page lane bishop
  rose church rich long short hope will gill
`);

/** Titles before a name: kept, the name after them replaced ("PC [name]"). */
export const TITLES = words(`
  mr mrs ms miss mx dr pc pcso sgt sergeant dc ds di insp inspector constable officer cllr councillor
  rev reverend father sister brother auntie uncle nan nanna grandad
`);

/** Words before a lower-case or word-like name that say a person is meant: "my neighbour Bill", "a lad called Will". */
export const PERSON_CUES = words(`
  neighbour neighbours neighbor son daughter husband wife partner boyfriend girlfriend friend mate brother sister
  cousin uncle aunt nephew niece grandson granddaughter called named name's lad bloke guy woman man dad mum
  landlord landlady tenant
`);

/**
 * Words that end a place or an organisation's name: a capitalised name before them is a road, a place or a body,
 * not a person ("Henley Road", "King Henry VIII School", "West Midlands Police").
 */
export const PLACE_OR_ORGANISATION_ENDINGS = words(`
  road rd street st avenue ave lane close drive way crescent grove place court gardens terrace walk hill rise row
  square mews green view parade croft park vale boulevard fields meadow meadows estate precinct centre center
  ward police council school academy college university hospital surgery church mosque gurdwara temple chapel
  club centre library station stadium arena shop shops store stores market hall trust housing homes association
  partnership service services fire rescue brigade ambulance nhs cathedral pub arms inn hotel tavern bridge brook
  woods wood common heath end lodge farm retail museum gallery theatre cinema
`);

/**
 * Coventry's wards and neighbourhoods (the wards from ONS WD24 names in /work/shared/data/geo), and other places
 * whose names are also names or surnames: never a person.
 */
export const PLACES = words(`
  coventry bablake binley willenhall cheylesmore earlsdon foleshill henley holbrook holbrooks longford stoke radford
  michael's sherbourne wainbody westwood whoberley woodlands wyken canley hillfields tile allesley keresley walsgrave
  finham styvechale whitley chapelfields spon coundon parkside gosford stivichall ernsford potters courthouse
  aldermoor bell warwick warwickshire kenilworth leamington rugby nuneaton bedworth solihull birmingham london
  midlands england britain wales scotland ireland
`);

/** Words that never start or continue a name. */
export const NOT_NAME_WORDS = words(`
  i the a an and or but if then so of to in on at by for from with near about after before over under up down
  my our your their his her its this that these those there here when where what who why how
  monday tuesday wednesday thursday friday saturday sunday january february march august september october november december
  christmas easter police council street road lane avenue ward park
`);

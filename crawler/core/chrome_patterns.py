"""Patterns for site chrome left in extracted text, grouped by kind.

Comment-form strings are listed in the languages WordPress, Ghost and Disqus
ship most; a theme in one language around an article in another is common
(seed 001: a Chinese theme around an English post).
"""

from __future__ import annotations

import re

from crawler.core.paywall import WALL


def _compile(*patterns: str) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in patterns)


COMMENT_FORM = _compile(
    # English (WordPress, Ghost, Disqus)
    r"^(leave|post|add|write|submit) (a|your|new)? ?(reply|comment|response)\b",
    r"^(cancel|post|submit) (reply|comment)$",
    r"^(\d+|no|one) (comments?|responses?|replies|thoughts)( so far| (on|to) [\"“'].*)?:?$",
    r"^comments?( \(\d+\))?:?$",
    r"^(join|start) the (discussion|conversation)\b",
    r"your email address will not be published",
    r"required fields are marked",
    r"save my name, email,? and website",
    r"you must be (logged|signed) in to post a comment",
    # A site's comment policy over its thread: "Postmedia is committed to maintaining a
    # lively but civil forum for discussion. Please keep comments relevant and respectful."
    r"\bcommitted to (maintaining|fostering|providing|hosting) an? [\w ,]{0,40}\bcivil "
    r"([\w ,]{0,20} )?(forum|discussion|conversation)\b",
    r"^please keep (your )?comments\b",
    # The comment box's notes: "Comments not loading? We recommend …", "Comments are
    # moderated in line with our comments policy."
    r"^comments? (are |is )?(not loading|moderated|closed)\b",
    r"\b(read|see|abides? by|in line with|according to|under) our (comments?|commenting|community)"
    r" (policy|guidelines|standards|rules)\b",
    r"^(name|email|website|comment)\s*\*?$",
    # Chinese, Japanese, Korean
    r"发表回复|发表评论|留言|取消回复|您的(电子)?邮箱地址不会被公开|必填项已用|电子邮件地址不会被公开",
    r"^(评论|姓名|电子邮件|网站|名称|邮箱)\s*\*?$",
    r"コメントを(残す|書く|送信)|メールアドレスが公開されることはありません|必須項目には印がついています",
    r"댓글 (남기기|달기)|답글 남기기|이메일 주소는 공개되지 않습니다",
    # European languages
    r"(kommentar|antwort) (hinterlassen|schreiben|abschicken)|schreibe einen kommentar"
    r"|hinterlasse einen kommentar|e-mail-adresse wird nicht ver(ö|oe)ffentlicht"
    r"|erforderliche felder sind mit",
    r"laisser un commentaire|laisser une r(é|e)ponse|votre adresse (e-mail|de messagerie) "
    r"ne sera pas publi(é|e)e|les champs obligatoires sont indiqu(é|e)s",
    r"deja una respuesta|deja un comentario|tu direcci(ó|o)n de correo electr(ó|o)nico no "
    r"ser(á|a) publicada|los campos obligatorios est(á|a)n marcados",
    r"deixe (um coment(á|a)rio|uma resposta)|o seu endere(ç|c)o de (e-mail|email) n(ã|a)o "
    r"ser(á|a) publicado|campos obrigat(ó|o)rios s(ã|a)o marcados",
    r"lascia un commento|lascia una risposta|il tuo indirizzo email non sar(à|a) pubblicato"
    r"|i campi obbligatori sono contrassegnati",
    r"laat een reactie achter|je e-mailadres wordt niet gepubliceerd",
    r"оставьте комментарий|добавить комментарий|ваш (адрес )?e-?mail не будет опубликован"
    r"|обязательные поля помечены",
)

SHARE = _compile(
    # "Kindly share this story:", as Nigerian and Indian sites ask under the story (audit 39).
    r"^((kindly|please) )?(share|tweet|email|print|copy link|save|pin it)"
    r"( (this|it|the) ?(article|story|post)?)?"
    r"( on| to| via)?( (facebook|twitter|x|linkedin|reddit|whatsapp|email|bluesky|threads))?"
    r":?$",
    r"^click to (share|email|print)\b",
    r"^like this:?$",
    r"^(read|see|view|show) (more|less)\s*:?$",  # an inline promo's label, a toggle
    r"^loading\.*$",
    r"^(like|reblog|follow|subscribe)$",
    r"^(facebook|twitter|x|linkedin|reddit|whatsapp|email|pinterest)"
    r"( (facebook|twitter|x|linkedin|reddit|whatsapp|email|pinterest))+$",
    r"^(link )?copied!?$",  # a copy-link button's toast
    r"^share your (story|experience|tips?)\W*$",  # a callout's button (ProPublica's, audit 41)
    r"^thanks?( you)? for sharing!?$",  # a share plugin's thanks (AddToAny, Sumo)
    # A live page's post list control: "7 PostsSort by: Newest".
    r"^(\d+ (posts|updates|entries) ?)?sort by\s*:?\s*(newest|oldest|latest|most recent)"
    r"( first)?$",
)

# A page control's label, left as a line of its own: an audio player's, a gift or save
# button's, a caption toggle's, a comment counter's. None of them is ever a sentence.
# The story in another format, said over or under it, to a paragraph: "This article is
# available as a video essay on YouTube. Subscribers … can also listen to it as a podcast",
# "Listen to this story and more on the Daily podcast, wherever you get your podcasts".
OTHER_FORMAT = _compile(
    r"^this (article|story|post|piece|essay) is (also )?available (as|in|on) (a |an )?"
    r"(video|podcast|audio|youtube)",
    r"^listen to this (story|article|episode|piece)\b.{0,60}\b(podcast|wherever you get)",
)
# A pager's labels, as list items too: "- Next →", "← Previous", "Page 1 of 3 Next page »"
# (audit 40). With its arrow: a lone "Next" may be a heading.
PAGER = _compile(
    r"^([-•*]\s+)?(←|«|‹|<)\s*(previous|prev|older|newer|next)( (posts?|articles?|stor(y|ies)"
    r"|entr(y|ies)|page|chapter))?$",
    r"^([-•*]\s+)?(previous|prev|older|newer|next)( (posts?|articles?|stor(y|ies)|entr(y|ies)"
    r"|page|chapter))?\s*(→|»|›|>)$",
    r"^page \d+ of \d+(\s+(next|previous) page\s*[»«›‹→←]?)?$",
)
UI_CONTROL = (
    OTHER_FORMAT
    + PAGER
    + _compile(
        r"^listen( to (this|the) (article|story))?( now)?"
        r"(\s*[·:|–-]?\s*\d+(:\d{2})?\s*(min(ute)?s?)?( listen)?)?\.?$",
        # A narration player's lines: "Listen to more stories on hear.com/atlantic", "Produced by
        # ElevenLabs and News Over Audio (Noa) using AI narration.", "Audio: Listen to this
        # article. To hear more, download the Noa app." (audit 37)
        r"^listen to more (stories|articles) (on|at|from|in)\b.{0,60}$",
        r"^(produced|narrated|voiced|read) (by|with|using)\b.{0,80}\b(ai|automated|synthetic"
        r"|text-to-speech) (narration|voices?)\W*$",
        r"^audio\s*:\s*listen to (this|the) (article|story)\b.{0,80}$",
        # A narration widget's text run together: "Only have a minute? Listen insteadPowered by
        # Trinity AudioAudio Player Image00:00" (audit 39).
        r"^(only have a minute\?\s*)?listen instead(\W*$|(?-i:[A-Z]))",
        # A radio story's show over its transcript, "Heard on All Things Considered"; a video
        # player's note, "Please use Chrome browser for a more accessible video player" (audit 41).
        # An AMP or mobile page's link to the full one (audit 43).
        r"^(view|switch to|go to) (the )?(full|desktop|standard|classic|non-amp)"
        r" (site|version)\W*$",
        r"^please use (the )?(chrome|firefox|edge|safari|a (different|modern|supported)) browser"
        r" for a (more accessible|better) (video )?(player|experience|viewing experience)\W*$",
        r"\bpowered by (trinity audio|beyondwords|speechkit|ad auris)(\W*$|(?-i:[A-Z])|\s*\d)",
        r"^(this )?(audio|voice ?over|narration) (is |was )?(ai|machine|computer)[- ]generated\.?$",
        r"^ai[- ]generated (audio|voice|narration)\.?$",
        # The same, said at length and glued to the player's label ("Listen to this articleThis
        # audio is generated by an AI tool.").
        r"^(listen to (this|the) (article|story)\s*)?(this )?(audio|narration|voice ?over) (is|was)"
        r" (generated|produced|created|read|voiced) (by|using|with) (an? )?(ai|artificial"
        r" intelligence|automated|machine|synthetic|text-to-speech)\b.{0,20}$",
        r"^(gift|share|save|print|email) (this|the|full) (article|story|page)$",
        r"^(gift|save) (article|story)$",
        r"^(hide|show|toggle) (image )?captions?$",
        r"^enlarge (this )?(image|photo)$",
        r"^(view|show|hide|load|see|read) (all |\d+ )?comments?( \(\d+\))?$",
        r"^comments? \(\d+\)$",
        r"^open in (the )?app$",
        # A live page's entry stamp run into its share button, and its counter: "4:14 PM
        # EDTShare", "7 updates".
        r"^\d{1,2}:\d{2}\s*([ap]\.?m\.?)?\s*([a-z]{2,4})?\s*(share|copy link|link copied)$",
        r"^\d+ (new )?(updates|posts|entries)$",
        # An author card's count, left once its heading is gone: "1.2K Followers".
        r"^[\d.,]+\s?[km]? (followers|subscribers)$",
        # A share bar's and a page's counters, which change on every fetch: each changed the
        # text's hash, and every hourly run emitted the article again as `updated` (audit 36):
        # "9.9K Shares", "718 shares · 34 comments", "Views: 80,300", "Share this: 316 likes",
        # "This article has been viewed 60183 times.", "6 min read".
        # "Shares" alone may be stock ("12,500 shares" in a list, "Shares: 4.5M"): with another
        # counter, after "Share this:", or as a share bar's "9.9K Shares" only.
        r"^(share this\s*:?\s*)?[\d.,]+\s?[km]? (views?|likes?|reads?|reactions?|claps?"
        r"|comments?)(\s*[·•|,/]\s*[\d.,]+\s?[km]? (shares?|views?|likes?|reads?|reactions?"
        r"|claps?|comments?))*$",
        r"^[\d.,]+\s?[km]? shares?(\s*[·•|,/]\s*[\d.,]+\s?[km]? (views?|likes?|reads?|reactions?"
        r"|claps?|comments?))+$",
        r"^[\d.]+[km] shares$|^share this\s*:?\s*[\d.,]+\s?[km]? (shares?|likes?)$",
        r"^(views?|likes?|reads?|reactions?)\s*:\s*[\d.,]+\s?[km]?$",
        r"^this (article|story|post|page) has been (viewed|read|shared) [\d.,]+\s?[km]? times\.?$",
        r"^(estimated )?(reading time\s*:?\s*\d+ ?(minutes?|mins?|min)\.?"
        r"|\d+ ?(minutes?|mins?|min)\.? (read|to read|reading time))$",
        r"^(add|follow) (this )?topic$",
        r"^summari[sz]e (this )?(article|story)$",
        r"^this (story|article|post) has been shared [\d,]+ times\.?$",
        r"^read in (the )?app$",
        r"^pinned( post| update| comment)?$",  # a live page's label over its pinned post
        # A live page's sort and refresh buttons, their labels run together by the text:
        # "Newest firstOldest first Auto-refresh", "Sort by: Latest".
        r"^((sort by:?\s*)?(newest|oldest|latest) first|auto-?refresh( on| off)?"
        r"|sort by:?\s*(newest|oldest|latest|top))"
        r"(\s*((newest|oldest|latest) first|auto-?refresh( on| off)?))*$",
        r"^reuse this content$",
        r"^(opens|open) (in )?(a )?new (tab|window)$",
        r"^supported by$",
        r"^explore more( on these topics)?$",
        # What a skip link and a live page's filter print: "Skip next section Explore more",
        # "Show key events only"; and a feedback link's label, "Send us your feedback" (audit 28).
        r"^skip (the |to )?(next|previous|this) section( explore more| [a-z]+ more)?$",
        r"^(show|view) (key|all) (events|posts|updates)( only)?$",
        r"^send us (your )?feedback\.?$",
        # A feedback box's field label and an embed's placeholder title (audit 35).
        r"^(give us )?your feedback\.?$",
        r"^(external|third[- ]party) content$",
        r"^our standards\s*:.{0,60}$",
        # What a script prints when it did not run, or a form when it was sent.
        r"^(thank you|thanks) for (signing up|subscribing|your interest)\b.{0,40}$",
        r"^something went wrong\.?( please try again( later)?\.?)?$",
        r"^please (enable|turn on|activate|switch on) javascript\b.{0,60}$",
        # A podcast plugin's lines over the player (PowerPress): "Podcast: Play in new window |
        # Download (Duration: 48:12 — 44.1MB)", "Subscribe: Apple Podcasts | Spotify | RSS".
        r"^podcast\s*:\s*play in new window\b.{0,80}$",
        r"^subscribe\s*:\s*(apple podcasts|google podcasts|spotify|android|rss|email|youtube)"
        r"(\s*\|\s*\w+(?: \w+){0,3}){1,8}$",
        # An agency story's note on its syndication, as Indian outlets print it: "(Except for
        # the headline, this story has not been edited by NDTV staff and is published from a
        # syndicated feed.)", "(Only the headline … may have been reworked by … staff; the rest
        # … is auto-generated from a syndicated feed.)".
        r"^\(?(except for the headline|only the headline)\b[^()]{0,200}\bsyndicated (news )?feed"
        r"\.?\)?\.?$",
        # "(This story has not been edited by X staff and is auto-generated from a syndicated
        # feed.)" (audit 38)
        r"^\(?this (story|article|report) has not been edited by\b[^()]{0,200}\bsyndicated"
        r" (news )?feed\.?\)?\.?$",
        r"^your browser does not support (the )?(video|audio|html5 video)\b.{0,20}$",
        r"^this (content|video|media) is (not|un)available in your (location|region|country)\.?$",
        r"^(click|tap) here (to|for)\b.{0,60}$",
        # A dialog's or a video embed's close button, its glyph or what it closes left as a
        # line (audit 35). A lone "X" or "Close" may be a section's numeral or heading: the
        # edges' (CLOSE_WORD).
        r"^((close|dismiss)( (this|the))?( (ad|menu|window|video|player|dialog|popup|banner))"
        r"\s*[×✕✖✗x]?|(close|dismiss)\s*[×✕✖✗]|[×✕✖✗])$",
        # An old site's page links and footer: "<< Back to News", "This page best viewed at
        # 800x600.", "Webmaster: web@example.org".
        r"^(<<|«|←|‹)?\s*back to (the )?(top|news|home|homepage|index|blog|articles?|stories"
        r"|list|overview|main page|previous page)\s*(>>|»|→)?$",
        r"^(this (page|site) (is )?)?best viewed (at|in|with)\b.{0,40}$",
        # A contributor network's disclaimer: "Opinions expressed by Forbes Contributors are
        # their own."
        r"^(the )?(opinions|views) expressed (by|in|here)\b.{0,60}"
        r"\bare (their|the author'?’?s?|my) own\b"
        # "… and do not necessarily reflect those of The Valley Sentinel." (audit 24)
        r"(,? and (do not|don'?’?t) necessarily (reflect|represent)\b.{0,80}"
        # "… are their own, not those of Inc.com." (audit 34)
        r"|,? not (those|the views) of\b.{1,60})?\.?$",
        r"\bwebmaster\s*:\s*\S+@\S+$",
    )
)

# A close button's letter or word alone, at the text's edges.
CLOSE_WORD = re.compile(r"^(x|close|dismiss)$", re.IGNORECASE)

# An ad slot's label, left as a line of its own ("Advertisement", "Story continues below
# advertisement"). Not "Continue reading the main story": benchmark golds keep that one.
ADVERTISEMENT = _compile(
    r"^-*\s*(advertisements?|ad|skip (advertisement|ad)|scroll to continue with content"
    r"|(story|article|content) continues (below|after)( this)? (advertisement|ad)"
    # An ad slot's own line without the word: "Continue reading below", "Article continues
    # below". Not "Continue reading the main story" (above).
    r"|(continue reading|(story|article) continues) below"
    r"|ad feedback"  # CNN's link under each ad slot
    r"|article content"  # Postmedia's label over each ad slot in the body
    # An ad slot's other labels (Ad Inserter's, an `<amp-ad>` fallback; audit 38).
    r"|sponsored|promoted|paid content|advert"
    # Postmedia's placeholder in each empty slot (audit 39).
    r"|this (advertisement|ad) has not loaded yet,? but your (article|story) continues below\.?)"
    r"\s*-*$",
)

# A newsletter's sponsor line: "Sponsored: This issue is brought to you by …", "Presented by".
SPONSOR = _compile(
    # A house ad set as text in the story: "TEXT AD: Call … on +234 …" (audit 44).
    r"^(sponsored( content| post)?\s*:|(?-i:TEXT AD)\s*:|(sponsored|presented) by\b)",
    r"^paid (post|content|partnership)\b",
    r"^(this|today's) (issue|edition|newsletter|episode|post)\b.{0,60}"
    r"\b(is|was) (brought to you|sponsored|presented|supported) by\b",
    # A nonprofit newsroom's funders under the story: "Disclosure: AARP Texas and Google have
    # been financial supporters of The Texas Tribune … Financial supporters play no role in
    # the Tribune's journalism." (audit 35)
    r"^disclosure\s*:.{0,200}\bfinancial (supporters?|sponsors?|backers?)\b",
    r"^(?!.*[\"“”])(?=.*\bdisclosure\b|.*\bfinancial (supporters|sponsors)\b).*"
    r"\b(supporters|sponsors|donors|funders) (play|have) no role in (the|our) ([\w.'’ -]{1,30} )?"
    r"(journalism|reporting|coverage|editorial)",
)

# An investing newsletter's pitch under the story, syndicated with it (Yahoo, Nasdaq, MSN):
# "Should you invest $1,000 in Micron right now?", "Before you buy stock in Micron, consider
# this:", "… if you invested $1,000 at the time of our recommendation, you'd have …",
# "*Stock Advisor returns as of December 5, 2025" (audit 35).
STOCK_PICK_PITCH = _compile(
    r"^should you (invest|buy|put) \$[\d,]+ (in|into) [^?]{1,80} right now\?$",
    r"^before you buy (stock|shares) (in|of) [^,]{1,80}, consider this\W*$",
    r"\bjust identified what they believe are the \d+ best stocks\b",
    r"\bif you invested \$[\d,]+ at the time of our recommendation\b",
    r"^\*\s?[\w ]{1,30} returns as of\b",
    r"^see the \d+ stocks\W*$",
)

# An event's advertisement, ending on the call to come: "Fortune Brainstorm AI returns to San
# Francisco Dec. 8–9 to convene … Apply to attend today!", "Join us … at the 2026 Texas
# Tribune Festival in downtown Austin. Buy tickets today!" (audit 35). A story about an
# event reports it; it does not sell its tickets.
EVENT_CALL = _compile(
    # The call is a sentence of its own: "… must register." is a story's.
    r"\b(festival|summit|conference|expo|forum|event|returns)\b.{0,400}(^|[.!?]\s+)"
    r"(apply to attend|buy (your )?tickets|get (your )?tickets|register|save your (seat|spot)"
    r"|reserve your (seat|spot)|request (an|your) invitation)( (now|today|here))?\W*$",
    # With a discount code: "Join us at TNW Conference in Amsterdam next June. Use code
    # TNWXMAS for 30% off." (audit 37)
    r"\bjoin us at\b.{0,80}\b(conference|summit|festival|expo|event)\b.{0,200}\buse (the )?"
    r"(promo |discount )?code\b",
)

# An affiliate disclosure, above or below the article: "If you buy something from a link,
# we may earn a commission", "FTC: We use income earning auto affiliate links."
AFFILIATE = _compile(
    r"^(if|when) you (buy|purchase|shop|click)\b.{0,120}\b(commission|affiliate)",
    # "may earn", with the purchase it is earned on: a quoted "We get a commission" stays.
    r"^(?=.*\b(links?|purchases?|buy|retailers?|products?)\b).*\bmay (earn|receive|get) (an? )?"
    r"(small )?(affiliate )?(commissions?|compensation)\b",
    r"^ftc:.{0,40}\baffiliate\b",
    # A review site's trust line over its verdict: "We spend hours testing every product or
    # service we review, so you can be sure you're buying the best. Find out more about how
    # we test."
    r"\b(find out|learn|read) more about how we (test|review|rate)\b",
)

COOKIE = _compile(
    r"\bwe use cookies\b",
    r"\bcookies?\b.*\b(accept|consent|preferences|privacy policy)\b",
    r"^(accept all|reject all|manage (cookie )?preferences|cookie settings)$",
)

_PERSON = r"[A-Z][\w.'’-]+( [A-Z][\w.'’-]+){0,3}"
_PICTURE_AGENCY = (
    r"(ap|afp|reuters|getty images|epa|efe|bloomberg|shutterstock|pa|anadolu|xinhua|sipa"
    r"|zuma|nurphoto|sopa images|lightrocket|alamy|imagn|cnn|ap photo)"
)
# A show's production credits, two sentences or more and nothing else: "Latent Signals is
# produced by Tamsin Rhodes. Music by Oskar Lind." (a podcast's notes, audit 47), "This
# episode was edited by Ann Lee. Our theme music is by Joe Park." One sentence naming roles
# ("The album was produced by Ann Lee and mixed by Joe Park.") may be a review's: it stays.
_NAME = r"(?-i:[A-ZÀ-Þ])[\w.'’-]*( (?-i:[A-ZÀ-Þ])[\w.'’-]*){0,3}"
_NAMES = rf"{_NAME}((,| and| &|, and) {_NAME})*"
_MADE_BY = (
    r"(co-|executive |senior |associate )?(produced|edited|mixed|mastered|engineered|recorded"
    r"|fact-checked|scored|composed)( and [a-z-]+ed)?"
)
_CREDIT_WORK = (
    r"((our|the) )?(theme |original |additional )?(music|theme|sound design|mixing|mastering"
    r"|editing|engineering|artwork|cover art|production|fact-checking|research)"
)
_CREDIT_CLAUSE = rf"({_MADE_BY}|{_CREDIT_WORK}( (is|was))?) by {_NAMES}"
# Whose credits: the show, by its name ("Latent Signals") or as one ("This episode", "The
# podcast"). A review's "The film was edited by Thelma Okafor. The music is by Joe Park."
# credits another work: it stays.
_SHOW = (
    r"((this|the|our|today['’]s|each) (episode|show|podcast|season|programme|program|series)"
    rf"|(?!(?-i:It|This|That|He|She|They|We)\b){_NAME})"
)
_CREDIT_SENTENCE = (
    rf"({_SHOW} (is|was|are|were) )?{_CREDIT_CLAUSE}((,|,? and) {_CREDIT_CLAUSE})*\.?"
)
PRODUCTION_CREDITS = rf"^{_CREDIT_SENTENCE}(\s+{_CREDIT_SENTENCE})+$"
CREDIT = _compile(
    r"^(photo|image|illustration|photograph|graphic|video)s?( credits?)?\s*(:|by\b)",
    PRODUCTION_CREDITS,
    r"^image (source|caption)\s*,",  # the BBC's screen-reader labels
    r"^(credit|credits|source image)\s*:",
    # A chart's credit under it, its source and its maker: "Source: FT research · Graphic:
    # Alan Smith" (a Flourish embed's, audit 41). A story's "Source:" line says more.
    r"^sources?\s*:[^.]{1,80}[·|•]\s*(graphics?|chart|map|visuali[sz]ation)\s*:.{1,40}$",
    # A blog's lead picture credited under the post: "Featured Image: Ann Lee/Shutterstock",
    # "Top image: <its caption> (<its credit>)".
    r"^(featured|top|header|hero|lead|main|cover|feature) (image|photo|picture|illustration)"
    r"( credits?)?\s*:",
    r"^\(?(photo|image)\s*:?\s*(getty images|ap|reuters|afp|shutterstock)\)?$",
    # A photographer and agency as the line a photo leaves behind: "Jean-Francois
    # Badias/AP", "Frederick Florin/AFP/Getty Images", "AP Photo/Evan Vucci".
    rf"^{_PERSON}\s*/\s*{_PICTURE_AGENCY}(\s*(/|\bvia\b)\s*[\w .'-]{{1,30}})*$",
    rf"^{_PICTURE_AGENCY}( photo)?\s*/\s*{_PERSON}$",
)

# A time stamp printed as a line of its own, below the article: "Published -
# March 04, 2025 06:45 pm IST", "Updated: 10:42 a.m. ET", "Last updated on 5 March 2024".
# The whole line is the label and the date; "Update, March 5: Added pricing" says more.
_MONTH = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_STAMP_DAY = (
    rf"(\d{{1,2}}(st|nd|rd|th)? {_MONTH},? \d{{4}}"
    rf"|{_MONTH} \d{{1,2}}(st|nd|rd|th)?,? \d{{4}}"
    r"|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4}"
    # Day first with dots, as European and Russian CMSs print it (Bitrix's "14.10.2020"),
    # with a four-digit year: "12.03" alone is a score or a time.
    r"|\d{1,2}\.\d{1,2}\.\d{4}"
    rf"|\d{{1,2}}-{_MONTH}-\d{{4}})"
)
# A day in any of those forms, for a row that must name one (crawler.core.stamp_rows).
STAMP_DAY = re.compile(rf"\b{_STAMP_DAY}\b", re.IGNORECASE)
_STAMP_WEEKDAY = r"((mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,? )?"
# The space before "am" inside its group: TIME_STAMP's parts are atomic, and a space taken
# on its own by " ?" was not given back to the zone (" GMT" after "07:45" failed the line).
_STAMP_TIME = r"\d{1,2}([:.]\d{2}(:\d{2})?( ?[ap]\.?m\.?)?| ?[ap]\.?m\.?)( [a-z]{2,5})?"
# One label and its stamp; a line may hold two, "Published 5:04 a.m. ET June 10, 2025
# Updated 10:51 a.m. ET June 10, 2025" (Gannett's), with or without a bar between.
_LABELLED_STAMP = (
    r"(first |last |originally )?"
    r"(published|updated|posted|modified|released|release date|issued|created)( on| at)?"
    r"\s*[:|/–—-]?\s*"
    rf"({_STAMP_WEEKDAY}{_STAMP_DAY}(,? (at |[|–—-] )?{_STAMP_TIME})?"
    rf"|{_STAMP_TIME}(,? {_STAMP_WEEKDAY}{_STAMP_DAY})?)"
)
# A byline row's other parts after its stamp: "• Last updated 2 hours ago • 2 minute read".
_RELATIVE_STAMP = (
    r"((last )?(updated|published|posted) )?\d+ (seconds?|minutes?|mins?|hours?|hrs?|days?)"
    r" ago"
)
_READING_TIME = r"\d+ ?(minutes?|mins?|min)( read| to read| reading time)"
# Each part atomic: a line of many stamps that does not end as one ("Published 12:40, " ten
# times, then a word) backtracked through every way to split them, 100 ms a line at 25 words.
TIME_STAMP = _compile(
    rf"^([|·•]\s*)?(this (story|article|post) was )?(?>{_LABELLED_STAMP}|{_RELATIVE_STAMP})"
    rf"(?>\s*[|·•,]?\s*({_LABELLED_STAMP}|{_RELATIVE_STAMP}|{_READING_TIME}))*\.?$",
)

# The same stamp without its label, a line of its own at the top of the text: a press
# release's "March 3, 2026" under its headline, a blog's "01:52 PM EDT" under its date. Only
# the leading edge: further down, a date alone is a timeline's or a diary's heading.
# The time may come first ("07:31, Fri, Feb 21, 2025", "16:00 JST, September 1, 2025"), and
# a labelled stamp after it ("… | UPDATED: 09:54, Fri, Feb 21, 2025").
BARE_DATE = re.compile(
    rf"^({_STAMP_WEEKDAY}{_STAMP_DAY}(,? (at |[|–—-] )?{_STAMP_TIME})?"
    rf"|{_STAMP_TIME}(,? {_STAMP_WEEKDAY}{_STAMP_DAY})?)"
    rf"(\s*[|·•]\s*{_LABELLED_STAMP})*\.?$",
    re.IGNORECASE,
)

# The labels a byline row's times leave behind when the times are elements trafilatura
# drops: "Posted , updated", a lone "on" (Hugo's "Written by Name<br><span>on</span>
# <time>"). At the edges only.
_TIME_LABEL = r"((first |last )?(posted|published|updated|modified|issued|created)( on| at)?|on|at)"
TIME_LABEL_WORDS = re.compile(r"\b(posted|published|updated|modified|issued|created)\b", re.I)
TIME_LABELS_LEFT = re.compile(rf"^{_TIME_LABEL}(\s*[,|·•:–—-]?\s*{_TIME_LABEL})*\s*[,|·•:]?$", re.I)

# A live or breaking story's badge set as a line of its own, over the story.
STATUS_BADGE = re.compile(
    r"^(live|breaking|developing|exclusive|just in)( news| now| updates?| coverage| story)?$"
    # A release's kind over its headline: EurekAlert's "NEWS RELEASE", a newsroom's.
    r"|^((news|press|media) release|for immediate release)$",
    re.IGNORECASE,
)

# The label of an inline promo between paragraphs, before a link to another story: "Also
# Read: <headline>", "READ MORE: <headline>", ZDNET's "Also: <headline>"
# (crawler.core.clean._drop_inline_promos). "Related:" and "See also:" only before a whole
# link's text (RELATED_LINK_LABEL): Dragnet's 2012 gold keeps those lines in the article.
# In brackets, as the New Statesman sets it, "[See also: <headline>]" is a promo too: the
# brackets set it apart from the text.
# The labels that say "another story" on their own (not "Read:" or "More:", which begin
# sentences too): with a headline after them, the line is a promo though the headline's
# link is not one the page's anchors give (a script's link, an anchor without href).
# Or in brackets without a colon, after an emoji: "🚨 [Recommended Read] <headline>".
STRONG_PROMO_LABEL = re.compile(
    r"^[^\w\s\[]{0,3}\s*\[?(also read|read also|read more|read next|must read"
    r"|recommended read(ing)?|(do not|don'?’?t|dont) miss)(\]\s*[:|–—-]?|\s*[:|–—-])\s*",
    re.IGNORECASE,
)
PROMO_LABEL = re.compile(
    r"^(\[(see also|related)|\[?(also read|read also|read more|read next|read|more|must read|also"
    r"|(do not|don'?t|dont) miss|up next))\s*[:|–—-]\s*"
    # A widget's label run into the link, no colon: "Related Story <headline>".
    r"|^related (story|stories|article|articles|post|reading)\s*[:|–—-]?\s*"
    # No separator, the label a bold word before the link: "Read more <a>headline</a>".
    r"|^(read more|read next|also read)\s+",
    re.IGNORECASE,
)

# "Related:" (or "See also:") before the whole text of one link to another story: a promo
# in the templates of our decade (Gannett's, the Boston Globe's). Dragnet's 2012 gold keeps
# such lines (one tuning page, -0.007), but a check page gains more (+0.012).
# GeekWire's "Previously:" and "Related coverage:" are such labels too.
RELATED_LINK_LABEL = re.compile(
    r"^(related|see also|previously|related coverage|more coverage|earlier)\s*[:|–—-]\s*",
    re.IGNORECASE,
)

# A video player's title bar set in the article: "Related video: What is an AI chip?".
VIDEO_LABEL = _compile(
    r"^(related|featured|recommended|latest|top|more) videos?\s*[:|]",
    r"^watch( this| now| the video)?\s*[:|]",  # "Watch this: <the video's title>"
    # The pointer to an embedded video, which is not text: "Watch the latest edition of
    # BizTech below:" (audit 39), "Watch the full interview below."
    r"^watch (the |our )?(latest|full|new|whole)\b.{0,60}\b(below|above)\s*[:.]?$",
)

AGGREGATOR = _compile(
    r"^best for\s*:",
    r"\bcuration by\b",
    r"\boriginal (article|story|post|report) (was )?(first )?(published|appeared)\b",
    r"^(read|view|see) the (original|full) (article|story|post|report)\b",
    r"^(this (story|article|post) (originally|first) appeared (on|in|at))\b",
    # Yahoo's syndication line: "This story was originally featured on Fortune.com" (audit 35).
    r"^(this (story|article|post) (was )?(originally|first) (featured|ran) (on|in|at))\b",
    r"^related on\b",
    r"^curated (from|by)\b",
    r"^(topics|tags|filed under|categories)\s*:",
)

# Marks a page as an aggregator's wrapper (not a syndicated copy): its own curation chrome.
AGGREGATOR_MARKERS = _compile(r"\bcuration by\b", r"^best for\s*:", r"^curated (from|by)\b")
# Section headings of an aggregator's wrapper; on such pages they and their lists are chrome.
AGGREGATOR_SECTION = re.compile(
    r"^(editorial summary|summary|key takeaways?|takeaways?|principles|topics|tags|why it matters"
    r"|our take|at a glance)\s*:?$",
    re.IGNORECASE,
)
LIST_ITEM = re.compile(r"^\s*([-•*–]|\d+[.)])\s+")

ORIGINAL_PUBLISHER = re.compile(
    r"(original (article|story|post|report) (was )?(first )?(published|appeared) (by|on|in|at)"
    r"|(originally|first) (appeared|published|featured) (on|in|at))\s+(?P<publisher>[^.|]{2,80})",
    re.IGNORECASE,
)
# When, not where: "Originally published on March 3, 2019 and updated", "… in the Spring
# 2020 print edition", "… in 2018": the story's own history, no other outlet.
NOT_A_PUBLISHER = re.compile(
    r"(\d|(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d"
    r"|(the\s+)?(spring|summer|fall|autumn|winter)\b|(the\s+|our\s+)?(print|online|digital)\b"
    r"|(the\s+|our\s+|this\s+)?(issue|edition|magazine|newsletter|blog|site|website)\b)",
    re.IGNORECASE,
)
# A newsletter's or aggregator's reprint of another outlet's story, said above it:
# "Originally published in Lakeshore Tech Review. Reprinted with permission."
REPRINT = _compile(
    r"\b(reprinted|republished|reposted|shared) (here )?with (the )?(kind )?permission\b",
    r"^(this (article|story|post) was )?originally published (in|on|at|by)\b",
)

RELATED_HEADING = re.compile(
    r"^(related|more (from|on|in|like this|to (read|explore|watch|discover))"
    r"|more( [\w'’-]+){0,2} (stories|news|articles|reads)"
    r"|you (may|might) also like"
    r"|recommended|read (more|next|also)|further reading|popular|trending|most read"
    r"|(latest|recent) (news|stories|posts|articles|entries)"
    r"|(content|stories|more) from our partners|partner content|sponsored (content|stories))\b",
    re.IGNORECASE,
)

# A trade site's events, after every story, run to a paragraph: "Want to learn more about
# AI and big data from industry leaders? Check out AI & Big Data Expo …", "AI News is powered
# by TechForge Media. Explore other upcoming enterprise technology events and webinars
# here." (audit 34)
EVENT_PROMO = re.compile(
    r"^want to learn more about [^?]{1,80}\? (check out|join us at)\b.{0,80}"
    r"\b(expo|summit|conference|event|webinar|festival)s?\b"
    r"|\bexplore (other|more) upcoming [\w ]{0,40}\bevents and webinars\b",
    re.IGNORECASE,
)

# A site's disclaimer under every story, run to a paragraph: "Disclaimer: AAAS and
# EurekAlert! are not responsible for the accuracy of news releases posted …".
# A wire's under its releases: "Legal Disclaimer:", then "EIN Presswire provides this news
# content "as is" without warranty of any kind …" (audit 34).
DISCLAIMER = re.compile(
    r"^(legal )?disclaimer\s*:"
    # A crypto site's risk warning under each story: "Crypto assets are highly volatile …
    # You could lose all of the money you invest." (audit 38)
    r"|\byou (could|may|might) lose all (of )?(the|your) money you invest\b"
    # A listed issuer's release closes with its exchange's standard line: "Neither the TSX
    # Venture Exchange nor its Regulation Services Provider … accepts responsibility for the
    # adequacy or accuracy of this release.", "The Canadian Securities Exchange has not
    # reviewed, approved or disapproved the contents of this news release."
    r"|\baccepts? (no )?responsibility for the adequacy or accuracy of this "
    r"(news |press )?release\b"
    r"|\bexchange\b.{0,60}\bhas not (reviewed|approved)\b.{0,40}\b(the contents of )?"
    r"this (news |press )?release\b"
    # The wire by name: "EIN Presswire provides this news content …", not "The company says
    # it provides this information without warranty …" (the review).
    r"|^(?-i:[A-Z])[\w.&'’-]*( (?-i:[A-Z])[\w.&'’-]*){0,3} provides? this (news )?"
    r"(content|information|material|release|article)\b"
    r"[^.]{0,20}"
    r"\bwithout warranty of any kind\b",
    re.IGNORECASE,
)

# A closing disclosure without a "Disclaimer:" label, the text's last line(s): "Views are
# personal." (ThePrint's columns), "This post contains sponsored content.", "This content is
# for informational purposes only …", "This article does not constitute investment advice."
# (audit 49). Each opens its line and speaks of "this" page, not of what someone said: a
# story's closing sentence about such notices ("The fund says its letters are for
# informational purposes only") names its subject.
# A notice ends there, or goes on to another ("… purposes only and is not investment
# advice"): "The report was intended for educational purposes, the spokesperson said, …" and
# "… for educational purposes to the board, which …" are a story's sentences (the review).
_NOTICE_ENDS = r"(?=\s*([.;!)]|$|,?\s+(and|nor|or)\b))"
UNLABELLED_DISCLAIMER = re.compile(
    # Not "The views expressed here are the writer's own.": the templates' gold keeps it.
    r"^\(?(the )?views( expressed)?( (here|herein|above))? are (strictly |purely )?personal\W*$"
    r"|^this (post|article|story|piece|content|page|video) (contains|includes|is) "
    r"(a )?(sponsored|paid|promoted|partner)( (content|post|article|promotion|placement))?\b"
    r"|^(this|the) (post|article|story|piece|content|information|material|page|report|analysis)"
    r"( (above|provided|herein|on this (site|page)))? (is|was) (provided |intended |meant )?"
    r"((solely|only|strictly|purely) )?for (general )?(informational|information|educational)"
    rf"( (and|or) (informational|educational))? purposes( only)?{_NOTICE_ENDS}"
    r"|^(this|the) (post|article|story|piece|content|information|material|page|report|analysis)"
    r"( (above|provided|herein|on this (site|page)))? (is not|does not|doesn['’]t|should not be)"
    r"( intended to)?( be)?( (constitute|represent|taken as|construed as|considered))? "
    rf"(an? )?(investment|investing|financial|trading)( or (tax|legal|financial))? advice"
    rf"{_NOTICE_ENDS}"
    r"|^(this is )?not (investment|investing|financial) advice\W*$",
    re.IGNORECASE,
)

# A closing box on the site's standards, after the article: "ZDNET's editorial standards"
# over its mission statement; "Why you can trust us", "Our standards: The Trust Principles".
# A citation box's heading, over its reference at the end: "Cite this", "How to cite this
# report" (a research institute's, audit 40).
CITATION_HEADING = re.compile(
    r"^(cite this( (article|page|report|post|paper|story|brief))?|how to cite( this"
    r"( (article|page|report|post|paper|story|brief))?)?|suggested citation)\s*:?$",
    re.IGNORECASE,
)
STANDARDS_HEADING = re.compile(
    r"^([\w.&'’ -]{1,30}(’s|'s) |our )?(editorial|journalistic|ethical) (standards|guidelines"
    r"|principles|policy)$|^why (you can|should you) trust( us| [\w.&'’ -]{1,30})?\??$"
    r"|^why trust us\??$",
    re.IGNORECASE,
)

# A widget's heading by its wording alone: a list of other stories, never a section of the
# article ("Related work", "Further reading" and "Popular culture" are not matched). Left
# behind when the list under it is dropped, it sits alone between paragraphs.
WIDGET_HEADING = re.compile(
    r"^(?:(?:you (?:may|might) (?:also )?(?:like|enjoy)|most (?:read|popular|viewed|shared|watched)"
    r"|editors?'?’?s? picks|around the web|(?:don'?’?t|do not) miss|read (?:this )?next|up next"
    r"|read also|also read"
    r"|what to read next|more (?:on|about) (?:this|the) (?:story|topic)|more from"
    r"|recommended (?:by|from) (?:our|the) editors?|recommended for you"
    r"|more to (?:read|explore|watch|discover)"
    r"|(?:content|stories|more) from our partners|partner content|sponsored (?:content|stories))"
    r"\b.{0,30}"
    r"|(?:related|recommended|more|popular|trending|latest|top|other|similar)(?: [\w'’-]+){0,2}"
    r" (?:stories|articles|posts|reads|coverage|content|links|videos|headlines|news)"
    # A blog's cards under the post: "Keep reading", "Other posts of interest".
    r"|keep reading|other (?:posts|stories|articles) of interest"
    # A newspaper's topics to follow under the story: "Follow the topics in this article".
    r"|follow the topics(?: in this (?:article|story))?"
    # A trade site's further reading.
    r"|dig deeper(?: on\b.{1,40})?)\s*:?$",
    re.IGNORECASE,
)

# A reaction poll's question over its moods: "How does this make you feel?" then "Happy",
# "Sad", "Angry" (audit 35). An interviewer's question has an answer under it, not moods.
POLL_QUESTION = re.compile(
    r"^(how (does|did) this (article |story |post )?make you feel"
    r"|what('s|’s| is) your reaction( to this (article|story|post))?)\??$",
    re.IGNORECASE,
)
MIN_POLL_CHOICES = 3

# A count alone on its line over the story: Medium's claps and responses ("1.2K", "14").
# Not under it, where a story may end on a figure ("The final tally was:", "1,204").
BARE_COUNT = re.compile(r"^\d{1,3}(,\d{3})*(\.\d)?[km]?$", re.IGNORECASE)

# A company's suffix with its dot, ending an issuer's name: "Corp.", "Inc.", "S.A.".
_COMPANY_SUFFIX = r"( (corp|inc|ltd|co|llc|plc|ag|se|sa|s\.a|nv|n\.v|gmbh|limited|corporation)\.?)?"

# Loose calls to action: removed only from the trailing edge of the text.
EDGE_ONLY = {
    "paywall": WALL,  # before "newsletter": a wall says "subscribe" too
    # The site's app, after the article: "Stay up to date ... by downloading the WVLT News
    # app." Before "newsletter", which takes "Stay up to date" plugs too.
    "app_promo": _compile(
        r"\b(download(ing)?|get(ting)?|install(ing)?) (the|our) .{0,40}\bapps?\b"
    ),
    "newsletter": _compile(
        r"\b(newsletter|in your inbox|delivered to your inbox)\b",
        # The call, not a story's last sentence about subscribing ("… smaller institutions
        # subscribe to a common monitoring platform.", audit 38): it opens the line, or
        # speaks to the reader or for the site.
        r"^(please |click here to |be sure to |don.t forget to )?(sign up|subscribe|subscribing)\b",
        r"\b(sign up|subscribe|subscribing)\b.{0,60}\b(you|your|our|us|today|now|free|here)\b",
        r"\b(you|your|our)\b.{0,80}\b(sign up|subscribe|subscribing)\b",
        # A sign-up form's consent line: "By registering, you agree to our T&C".
        r"^by (registering|submitting|signing up|clicking|continuing)\b.{0,60}\b(agree|consent)",
        # A plug without the word: "Stay up to date with recent funding rounds ... with the
        # Crunchbase Daily."
        r"^(stay|keep) (up to date|up-to-date|updated|informed|in the know|in the loop"
        r"|connected)\b",
        # The box's blurb: "Get the latest updates from Probe News", "Discover special
        # offers, top stories, upcoming events, and more."
        r"^get the latest (news|updates|stories|headlines)\b.{0,60}$",
        # Without "the", to a longer line: "Get Latest Updates on India News along with
        # Latest News and Top Headlines from India and around the world." (audit 39)
        r"^get latest (news|updates|stories|headlines)\b.{0,120}$",
        r"\b(special|exclusive) offers\b",
        # A sign-up box's consent: "Bloomberg may send me offers and promotions."
        r"^[\w .&'’-]{1,40} may send me (offers|promotions|marketing|news|updates)\b[^,]{0,40}$",
        # The form's privacy link and its error message: "Read our Privacy Policy", "An error
        # occured." (sic, VentureBeat's).
        r"^(read|see|view) our privacy (policy|notice)\W*$",
        r"^an error (has )?occurr?ed\W*$",
    ),
    "read_more": _compile(
        r"^(read|see|view|continue reading) (more|next|the full)\b",
        r"^(the )?full (story|article|report)\W*$",  # a link's label left alone (audit 39)
        # A story split over pages, after the page's part: "Continue reading on the next
        # page", "Continued on page 2", "Story continues on next page".
        r"^(continue reading|continued|(story|article) continues) on (the )?(next|following)"
        r" page\W*$|^continued on page \d+\W*$",
    ),
    "copyright": _compile(
        r"^(©|\(c\)|copyright\b)",
        r"all rights reserved",
        # Whose the site is, under every story: "Healthcare IT News is a HIMSS Media
        # publication." Names in capitals on both sides, nothing after. Not a "brand": a
        # recall story ends "Cheerios is a General Mills brand."
        r"^(?-i:[A-Z])[\w.&'’-]*( [\w.&'’-]+){0,5} is an? (?-i:[A-Z])[\w.&'’-]*( [\w.&'’-]+){0,4}"
        r" (publication|website|media brand)\.?$",
        r"^(?-i:[A-Z])[\w.&'’-]*( [\w.&'’-]+){0,5} is an? (publication|website) of"
        r" (?-i:[A-Z])[\w.&'’-]*( [\w.&'’-]+){0,4}\.?$",
        # A republishing box's licence badge: "Creative Commons License (CC BY-NC-ND 3.0)".
        r"^creative commons (license|licence)\b.{0,40}$",
    ),
    "author_bio": _compile(
        r"^(about the author|[\w.'-]+( [\w.'-]+){0,3} (is|was) an? ([\w-]+ ){0,3}"
        r"(reporter|writer|editor|journalist|correspondent|columnist|contributor)\b)",
        # A newsroom's tagline: "Jane Roe covers business for the Gazette. Contact her at …"
        r"^[\w.'-]+( [\w.'-]+){0,3} (covers|writes about|reports on) ",
        r"\b(contact|reach|email|e-mail) (him|her|them|the (author|writer|reporter)) (at|on)\b",
        # By name, with the address: "Contact Greg Tan at gtan@example.com or 555-0148."
        r"^(contact|reach|email|e-mail) (?-i:[A-Z])[\w.'’-]+( (?-i:[A-Z])[\w.'’-]+){0,2}"
        r" (at|on) \S+@\S+",
        r"\bfollow (him|her|them) on (x|twitter|bluesky|threads|instagram|mastodon|linkedin)\b",
        # A newspaper's tagline: "Felice Ober can be reached at felice.ober@globe.com.
        # Follow her @feliceober." (audit 39)
        r"^(?-i:[A-Z])[\w.'’-]*( (?-i:[A-Z])[\w.'’-]*){1,3} (can|may) be reached (at|by e-?mail"
        r" at|on) \S+@\S+",
        r"(^|[.!?]\s+)(please )?follow (him|her|them) @\w+\W*$",
        # Its label, its address gone with the line under it (The Intercept's, audit 39).
        r"^(contact|reach|e-?mail) (the )?(author|writer|reporter|journalist)s?\s*:?$",
        # With the handle: "Follow @liamward on X", "Please follow Harrison Miller on
        # X/Twitter @IBD_HMiller for more stock news and updates." (audit 35). Without one,
        # Dragnet's gold keeps "Follow Grace on Twitter." as the story's last line.
        r"^(?=.*@\w)(please )?follow (@\w+|(?-i:[A-Z])[\w.'’-]+( (?-i:[A-Z])[\w.'’-]+){0,2})"
        r" on (x|twitter|bluesky|threads|instagram|mastodon|linkedin)\b",
        # A writer's sign-off, a line each (a trade site's, audit 45): the handle under its
        # network's label, "Twitter: @name", and the address under a call, "Email the writer:
        # name@example.com"; "Follow the writer on X: @name".
        r"^(twitter|x|bluesky|threads|instagram|mastodon|linkedin|facebook|telegram)\s*:\s*"
        r"@[\w.@-]+$",
        r"^(e-?mail|contact|reach|write to) (the )?(writer|author|reporter|journalist|editor)s?"
        r"\s*:?\s*\S+@[\w-]+(\.[\w-]+)+$",
        r"^follow (the )?(writer|author|reporter|journalist)s? on (x|twitter|bluesky|threads"
        r"|instagram|mastodon|linkedin)\s*:?\s*@[\w.-]+$",
    ),
    "related": (RELATED_HEADING,),
    # A follow-us bar after the article: its label and one line per network's link. A
    # listicle may have "Instagram" as a heading, but never as its last line.
    "social": _compile(
        r"^(follow|find|connect with|join|visit) us\b.{0,60}$",
        # A question about the article, then the call: "Found this article interesting?
        # Follow us on Google News …", "Enjoyed this story? Share it with a friend."
        r"^(did you )?(find|found|enjoy|enjoyed|like|liked|love|loved) (this|the|our) "
        r"(article|story|post|piece|read)( \w+)?\?",
        r"^(facebook|twitter|x|instagram|telegram|linkedin|youtube|tiktok|whatsapp|reddit"
        r"|pinterest|threads|bluesky|mastodon|flipboard|rss|e-?mail|google news)$",
        # The site's channel on a messaging app: "Join The PUNCH Telegram channel for the
        # latest news and updates" (audit 39).
        r"^(join|follow|subscribe to) (the |our )?([\w'’&.-]+ ){0,4}(telegram|whatsapp|signal"
        r"|viber|discord) (channel|group|community)\b.{0,60}$",
    ),
    "end_marker": _compile(r"^end of (the )?(article|story|post)$"),
    # A close button's letter or word; a radio story's show over its transcript, "Heard on
    # All Things Considered" (audit 41; "Heard on Capitol Hill" may be a subheading).
    "ui_control": (CLOSE_WORD, re.compile(r"^heard on (?-i:[A-Z])[\w'’ ]{2,40}$", re.I)),
    # Where a tech post got its news, after it: "Source: Vantra blog", "News Source: Vektor
    # Silicon", "Via: The Register". A few words naming a site, never a sentence.
    # A wire's issuer line under its release, "SOURCE: Northcliff Minerals Corp." (a company's
    # suffix may end it with a dot), PR Newswire's "SOURCE Acme Robotics" in capitals, and
    # its link to the original, "View source version on businesswire.com: https://…", "View
    # original content: https://…", its address on the next line when the label ends in ":".
    "source_credit": _compile(
        rf"^(news |story |image )?(sources?|via)\s*:\s*[^.!?]{{1,60}}{_COMPANY_SUFFIX}$",
        rf"^(?-i:SOURCE) (?-i:[A-Z])[^.!?]{{1,60}}{_COMPANY_SUFFIX}$",
        r"^view (the )?(source version|original content|original release|original press release)"
        r"( to download multimedia)?( on [\w.-]+\.[a-z]{2,})?\s*:\s*(https?://\S+)?$",
    ),
    # A call for readers' letters after the article: "We want to hear what you think about
    # this article. Submit a letter to the editor or write to letters@…".
    "feedback": _compile(
        r"\b(submit|send|write) (us )?a letter to the editor\b",
        # A news site's correction form under the story (Phys.org's): its heading and blurb.
        r"^feedback to (the )?editors?$",
        r"^use this form (if|to)\b.{0,80}\b(typo|inaccuracy|correction|edit request|error)",
        r"^we('d| would)? (want|like|love) to hear (what you think|from you)\b",
        # A station's line under each story: "For the latest news, weather, sports, and
        # streaming video, head to WKRX 7 News." At the end only: "For the latest updates,
        # go to the county's website." is a story's sentence (the review).
        r"^for the latest (news|headlines|updates)((,|,? and) [\w ]{1,25}){0,5},? (head|go)"
        r" (over )?to\b.{0,40}$",
    ),
    # After the article; over it, crawler.core.clean's leading edge takes it too.
    "time_stamp": (*TIME_STAMP, TIME_LABELS_LEFT),
    "byline": _compile(
        r"^(posted|written|published|filed|submitted) by\b.{0,80}$",
        # The desk's credits under a story: "Editor: Wang Li | Proofreader: Zhao Yu".
        # Bracketed too, as Euractiv closes every story: "[Edited by Owen Ferrante]".
        r"^[\[(]?(edited|proofread|fact-checked|produced) by\b.{0,80}$",
        # A commentary desk's: "Editing by Peter Thal Larsen; Production by Maya Nandhini"
        # (audit 35). A wire's bracketed credit, "(Reporting by …; Editing by …)" or
        # "(Editing by …)", stays, as Dragnet's gold keeps it.
        r"^(editing|production) by (?-i:[A-Z])[\w.'’-]*( (?-i:[A-Z])[\w.'’-]*){0,3}\s*(;|$)",
        # A newspaper's credit for other reporters: "Contributing: Ray Okonkwo, The Oklahoman".
        r"^(contributing|contributors?|contributing reporters?)\s*:.{0,80}$",
        r"^(editor|proofreader|copy ?editor|producer)s?\s*:.{0,80}$",
        # The desk's initials closing the story, as the Philippine press signs it: "/cb",
        # "/jpv", "/ra/dl".
        r"^(/\s?[a-z]{1,4}){1,3}$",
    ),
}

# A site's closing appeal, several calls in one paragraph after the article: "Follow us on
# Twitter, join our 100k+ SubReddit and subscribe to our Newsletter.", "Please bookmark
# example.com and sign up for our daily newsletter." Each call addresses the
# reader on the site's behalf ("us", "our"), so a story quoting one call is not taken.
SITE_CALL = re.compile(
    r"\b(follow us|join (us|our)|subscribe to (us|our)|sign up (for|to) our|check out our"
    r"|like us on|find us on|connect with us|join now|stay (informed|updated)"
    r"|don.t miss (a|any) (headline|story|update)"
    r"|follow [^.!?]{1,40} on (whatsapp|telegram|google news)"
    # "Please bookmark nationalpost.com": the site's own address, or "us" / "this site".
    r"|bookmark (us|our (site|website|page)|this (site|website|page)|[\w-]+(\.[a-z]{2,})+))\b",
    re.IGNORECASE,
)

# A subscription offer after the article, run to a paragraph: "Subscribe to INQUIRER PLUS to
# get access to The Philippine Daily Inquirer & other 70+ titles, share up to 5 gadgets …".
SUBSCRIPTION_OFFER = re.compile(
    r"^subscribe (to|now)\b.{0,60}\b(to get|to enjoy|for|and get) (full |unlimited |digital )?"
    r"access\b",
    re.IGNORECASE,
)

# A photo's credit ending a line, as a caption ends: "… on Capitol Hill. (AP Photo/Colin
# Vey)", "(Photo by Ann Lee/Getty Images)", "(Reuters/Ann Lee)". No sentence of a story ends so.
PHOTO_CREDIT_END = re.compile(
    r"\((ap|afp|reuters|getty images|epa|xinhua|bloomberg|pa|upi)?\s*photos?\s*(/|:|by\b)"
    r"[^()]{2,80}\)$",
    re.IGNORECASE,
)

# The same credit without its parentheses, the photographer and the agency split by a slash:
# "Left: A doctor tries an AI scribe app. Photo by Joe Raedle/Getty Images" (audit 44). The
# slash between two capitalised names ends no sentence of a story.
PHOTO_CREDIT_TAIL = re.compile(
    # The credit starts its own sentence, capitalised: "a photo by Evan Vucci/AP." in a
    # story's sentence is the story's.
    r"(?:^|[.!?:]\s+)(?:Photo(?:graph)?s?|Image|Picture|PHOTO) by "
    r"[A-Z][\w.'’-]+( [A-Z][\w.'’-]+){0,3}\s?/\s?"
    r"[A-Z][\w.&'’-]*( [A-Z][\w.&'’-]*){0,3}\.?$"
)

# A tips box after the article, run to a paragraph: "Got a tip? Send it our way. You can
# reach the news desk at news@…, and we can keep you anonymous if you prefer."
# A wire story's note on how the site works, run to a paragraph: "If you want to know more
# about how we work, have a look here, and if you have feedback on this news story please
# write to …" (audit 35).
HOW_WE_WORK = re.compile(
    r"^if you (want|would like|wish) to (know|learn|read) more about how we work\b", re.IGNORECASE
)
TIP_CALL = re.compile(r"^(got|have) a (news )?tip\b", re.IGNORECASE)
# The same call set between paragraphs, where tabloids put it: "Got a story to share? Get in
# touch at money@…". A question to the reader with the desk's address, never the story's.
# Or the desk's address alone ("Get in touch with our news team by emailing us at …"), and a
# pointer to the site's section ("For more stories like this, check our news page.").
TIP_BOX = re.compile(
    r"^(do you have|got|have) an? (news )?(tip|story|story idea)( to share| for [^?]{1,40})?\?\s*"
    r"(get in touch|contact us|email us|e-mail us|send it|write to us|let us know)\b"
    r"|^get in touch with (our|the) [\w ]{1,30}(team|desk)\b.{0,30}\b(e-?mail|emailing|at)\b"
    # A reader's question invited: "Got a science question? Email ask@… and we may answer it".
    r"|^(got|have) an? [\w ]{0,20}question\?\s*(email|e-mail|write to|send it to)\b"
    r"|^for more (stories|news|articles) like this,? (check|visit|see|head to|go to) our\b"
    # The question and the address on lines of their own: "Do you have a story for The Sun
    # Online Tech & Science team?", then "Email us at tech@…" (audit 32).
    r"|^(do you have|got|have) an? (news )?(tip|story|story idea) (to share )?for [^?]{1,60}\?$"
    r"|^(e-?mail|contact|message|write to) us (at|on|via) \S+@\S+$",
    re.IGNORECASE,
)

# A site's rights notice, run to a paragraph after the article: "All rights reserved. This
# material ... may not be reproduced, published, broadcast, rewritten or redistributed".
# Or the mark with the phrase, after a line about the paper: "… publishes more than 100
# articles daily. (c) Korea JoongAng Daily. All rights reserved."
# Or a newswire's terms for republishing, after its story: "All content created by the …
# News Foundation … is available without charge to any legitimate news publisher … All
# republished articles must include our logo".
RIGHTS_NOTICE = re.compile(
    r"\ball rights reserved\b.{0,300}\b(reproduced|republished|redistributed|rewritten)\b"
    # Without the phrase: "This document is subject to copyright. Apart from any fair
    # dealing …", "This article may not be reproduced … without the prior written permission".
    r"|^this (article|document|story|material|content|page|report)\b.{0,30}\bsubject to "
    r"copyright\b.{0,120}\b(fair dealing|reproduced|permission)\b"
    r"|^this (article|document|story|material|content|page|report) may not be (reproduced"
    r"|republished|redistributed|copied)\b.{0,80}\bwithout\b.{0,40}\bpermission\b"
    # How to cite the page, under it: "Citation: <headline> (2025, June 9) retrieved 10 June
    # 2025 from https://…", "How to cite this article: Lee, A. (2025). <headline>. <Site>."
    r"|^citation\s*:.{0,300}\bretrieved\b"
    r"|^(how to )?cite this (article|story|page|post)\s*:"
    r"|(©|\(c\)|\bcopyright\b)[^.]{0,80}\.?\s*all rights reserved\b"
    r"|\b(republished|reprinted) (articles|stories|content|copies) must (include|credit)\b"
    # A nonprofit newsroom's offer: "Republish our stories for free under a Creative Commons
    # licence." (audit 26)
    r"|\brepublish (our|this) (stories|story|articles?|work|reporting)\b.{0,60}"
    r"\b(free|creative commons|license|licence)\b"
    r"|\bavailable (without charge|free of charge|for free) to any\b.{0,60}"
    r"\b(publishers?|outlets?|news organi[sz]ations?)\b",
    re.IGNORECASE,
)

# A broadcaster's note under a transcript: "NPR transcripts are created on a rush deadline by
# an NPR contractor. This text may not be in its final form …" (audit 28).
TRANSCRIPT_NOTE = re.compile(
    r"\btranscripts? (is|are) (created|produced|provided|generated|prepared)\b.{0,160}"
    r"\bmay not be in (its|their) final form\b",
    re.IGNORECASE,
)

# A note that a machine translated the page, over it: "Newsweek AI is in beta. Translations
# may contain inaccuracies—please refer to the original content." (audit 32)
# A site's own licence notice, wherever its box sits (a donation box's heading, under the
# story): "Our work is licensed under Creative Commons (CC BY-NC-ND 3.0). Feel free to
# republish and share widely." (audit 44). The site speaks of its work; a story reporting a
# licence names whose work it is ("The photos are licensed under …, the agency said").
LICENCE_NOTICE = re.compile(
    r"^(our|this|all our) ((original|own) )?(work|articles?|stor(y|ies)|content|site|journalism"
    r"|reporting)"
    r" (is|are) ([\w-]+ )?(licensed|published|available|distributed|shared) under (a |the )?"
    r"creative commons\b",
    re.IGNORECASE,
)

_TRANSLATION_ERRORS = (
    r"translations? (may|might|can|could) (contain|include|have) (inaccuracies|errors|mistakes)"
)
MACHINE_TRANSLATION_NOTE = re.compile(
    # The site's tool in beta, or the reader sent to the original: never a story's sentence
    # about translation errors ("AI translations can contain errors, doctors warn").
    rf"^[^.]{{0,60}}\bin beta\b[^.]{{0,20}}[.!]\s*{_TRANSLATION_ERRORS}\b"
    rf"|^[^.]{{0,60}}\b{_TRANSLATION_ERRORS}\W+(please )?(refer|see|consult|check) (to )?the"
    r" original\b"
    r"|^this (article|story|content|page) (was|has been|is) (automatically |machine[- ])?"
    r"translated\b.{0,60}\b(ai|automatically|machine|tool|software)\b"
    # The site's own note under a wire story: "At SWI swissinfo.ch we select the most relevant
    # news … and use automatic translation tools such as DeepL to translate it" (audit 35).
    r"|^(?![^\"“”]*[\"“”])(at [\w.'’ -]{1,40},? )?we\b[^.]{0,100}\buse (automatic|automated"
    r"|machine|ai) translation (tools?|software)\b[^.]{0,40}\bto translate\b"
    r"|^(?![^\"“”]*[\"“”])this news story has been written and (carefully )?fact-checked by an"
    r" external editorial team\b",
    re.IGNORECASE,
)

# A newsletter plug set as a paragraph of its own, anywhere ("Sign up for our free
# newsletter: Get business headlines delivered ..."), and a poll widget's count.
NEWSLETTER_PLUG = _compile(
    # "Sign up here for our weekly newsletter.", "Subscribe to the Morning Brief newsletter"
    r"^(sign up|subscribe)( here| now| today| free)? (for|to) (our|the) .{0,40}\bnewsletters?\b",
    r"^get (the|our) .{0,40}\b(newsletters?|delivered to your inbox)\b",
    # The site's podcast: "Listen to our Inside Politics podcast for the best political chat".
    r"^listen to our( [\w'’&-]+){0,4} podcast\b[^.!?]{0,60}$",
    # In the site's voice, after a line about the site: "ProPublica is a nonprofit
    # newsroom … Sign up to receive our biggest stories as soon as they're published."
    r"\bsign up (to|and) (receive|get) our\b",
    r"^[\d,.]+k? votes?( so far| cast| total)?$",
    # The question over Google's "preferred source" plug: "Don't want to miss the best
    # from Probe News?".
    r"^don.t want to miss (the best|anything|a thing|out)\b.{0,60}\?$",
)

# The site's app, pushed between paragraphs: "Get breaking news and analysis straight to your
# phone: turn on Irish Times push alerts in the app. Download it here". An order to the
# reader, never a sentence of the story ("Users can turn on push alerts …" is one).
APP_PUSH = _compile(
    r"^(get|turn on|enable|switch on|download)\b.{0,80}\bpush (alerts|notifications)\b",
    # "Follow Tom's Guide on Google News to get our up-to-date news …" (audit 37)
    r"^follow [\w.'’&-]+( [\w.'’&-]+){0,3} on google news\b",
    # "Sign up to push alerts and have the best news … delivered directly to your phone"
    r"^sign up (to|for) (our )?push (alerts|notifications)\b",
    # "Add 9to5Google to your Google News feed.", "Check out 9to5Google on YouTube for more
    # news:" (audit 34)
    r"^add [^.!?]{1,40} to your google news( feed| sources?)?\W*$",
    r"^check out [^.!?]{1,40} on (youtube|tiktok|instagram|facebook|x|twitter|threads)\b"
    r"[^.!?]{0,30}$",
    # "Find The Irish Times on WhatsApp and stay up to date" (audit 32)
    r"^(find|follow) [^.!?]{1,40} on (whatsapp|telegram|signal|viber)\b[^.!?]{0,40}$",
    # A messaging channel's: "Get WhatsApp alerts from CNA: Follow our channel …".
    r"^(get|receive) (our )?(whatsapp|telegram|signal|viber) (alerts|updates|news)\b",
    # "Join ST's WhatsApp Channel and get the latest news and must-reads." (audit 28)
    r"^(join|follow) (our|us on|[\w’']+['’]s) (\w+ ){0,2}(whatsapp|telegram|signal|viber)"
    r" (channel|group|community)\b.{0,60}\b(news|updates|stories|headlines|must-reads)\b",
)

# The same, run to a paragraph. A series' newsletter, said in the story's place: "This story
# is part of AI Decoded, Fast Company's weekly newsletter …. You can sign up to receive it
# every week here."; Google's "preferred sources" (2025): "Set us as a preferred source in
# Google Search to support us and make sure you never miss our latest …".
NEWSLETTER_NOTE = _compile(
    r"^this (story|article|post|piece|report) (is|was) (part of|from|adapted from) [^,.]{1,60},"
    r" .{0,60}\bnewsletters?\b",
    r"\b(set|add|make|choose) us as (a |your )?preferred sources?\b",
    # A question to the reader, then the call: "Want smarter insights in your inbox? Sign up
    # for our weekly newsletters to get only what matters …".
    r"^[^.!?]{0,80}\?\s+(sign up|subscribe)\b.{0,40}\bnewsletters?\b",
    # Or the question names the inbox: "Want analysis like this in your inbox? Sign up for
    # Policy Weights, free every Thursday."
    r"^[^.!?]{0,60}\b(in|to) your inbox\?\s+(sign up|subscribe)\b",
    # The story's first home, a newsletter, with its call: "Editor's Note: A version of this
    # story appeared in CNN Business' Nightcap newsletter. To get it in your inbox, sign up".
    r"^editor'?’?s note\s*:?\s*a version of this (story|article|post|piece) (first )?"
    r"(appeared|ran|was published) in\b.{0,80}\bnewsletter\b",
    # A question to the reader, then the site's product: "Do you have questions about the
    # biggest topics …? Get the answers with SCMP Knowledge, our new platform of …".
    r"^[^.!?]{0,100}\?\s+(get|find|discover) (the |all the )?(answers?|explainers?)\b.{0,60}"
    r"\bour (new )?(platform|app|service|hub)\b",
    # "Never miss a story — sign up for PEOPLE's free daily newsletter to stay up-to-date …"
    # (audit 37)
    r"^never miss a (story|thing|beat|headline)\b.{0,20}\bsign up (for|to)\b.{0,60}"
    r"\bnewsletters?\b",
    # The site's forum: "Join our Space Forums to keep talking space …" (audit 37).
    r"^join our( [\w'’&-]+){0,3} (forums?|discord|subreddit)\b",
    # A sign-up box's consent, as Reach's titles print it: "We use your sign-up to provide
    # content in ways you've consented to …" (audit 39).
    r"^we use your (sign-?up|e-?mail( address)?|details) to provide (content|you)\b.{0,40}"
    r"\b(consented|agreed)\b",
)

# A site's appeal for the reader's support, in its own voice, to a paragraph: "Your vote of
# support is important to us and it helps us keep the content FREE.", "One click below
# supports our mission …". A story reports support; it does not ask for yours.
APPEAL = _compile(
    r"\byour (vote of |continued |generous |ongoing )?support\b.{0,80}\b(us|our)\b",
    r"\b(click|tap) below\b.{0,40}\bsupports?\b",
    r"\bkeeps? (the|our|this) (content|journalism|site|reporting|website) free\b",
    # "Will you help keep it free …?", "please consider helping keep HuffPost free …"
    r"\b(help|helping) (us )?keep [\w.'’ -]{1,30} free\b"
    r".{0,60}(\bcontribut|\bmember|\bdonat|\bsupport|\?)",
    r"\b(our|this) ([\w-]+ )?(journalism|reporting|content|site) (stays|remains) free\b",
    r"\breaders like you (make|help|keep)\b",
    r"^support our (mission|journalism|newsroom|work)\b.{0,60}\b(free|open|independent)\b",
    # "Support our nonprofit journalism. CalMatters is a nonprofit newsroom. We rely on
    # readers like you. Donate today …" (audit 35)
    r"^support (our|independent|nonprofit|local) ([\w-]+ )?(journalism|newsroom|reporting)\b"
    r".{0,120}\b(donat|contribut|member|give|gift)",
    # The site's own line, not a quote ("'We rely on people like you …,' said …").
    r"^(we|our (journalism|newsroom|work)) (rely|relies|depend|depends|count|counts) on"
    r" (readers|supporters|members|people) like you\b(?!.*[\"“”])",
    r"^already (contributed|donated)\?",
    r"^yes,? i('ll| will) (give|contribute|donate)\b",
    r"^we accept (credit|debit|all major)\b.{0,60}\b(pay|paypal)\b",
    # After the article, to the reader who liked it: "If you enjoyed this article consider
    # joining <Site> Premium …", "IF YOU ENJOYED THIS ARTICLE, you might also like our …".
    r"^if you('re| are)? (enjoy(ed|ing)?|lik(ed|ing)|found|appreciat(ed|ing)|valu(ed|ing))"
    r" (this|the|our) (article|story|post|piece|read)\b.{0,40}\b(consider|join|subscrib"
    r"|support|share|follow|sign up|donat"
    r"|you (might|may) (also )?(like|enjoy))",
    # A meter over the appeal: "You've read 1 article in the last month".
    r"^you('ve| have) read \d+ (free )?(articles?|stories)\b.{0,30}$",
    # A reading reward's box: "Read 3 articles and stand to win rewards", "Spin the wheel now".
    r"^read \d+ (more )?(articles?|stories) (and|to) (stand to )?(win|earn|unlock|get)\b.{0,30}$",
    r"^spin the wheel( now| today)?\W*$",
    # The heading over such an appeal: "On supporting science journalism" (audit 37).
    r"^on supporting ([\w-]+ )?journalism$",
)

# A press release's end mark, "###" (or the wire's "-30-"): what follows is the issuer's
# boilerplate ("About the National Institutes of Health: ..."), its contacts and references.
END_MARK = re.compile(r"^(#{3}|# # #|-\s?30\s?-)$")

# A press release's contact block label: "Media Contact:", "Press contacts", "Investor
# Relations Contact: Ann Lee" (crawler.core.clean._drop_contact_block).
CONTACT_LABEL = re.compile(
    r"^((media|press|investor|news|editorial|company|pr)( relations)?"
    r"( and (media|press|investor)( relations)?)? )?(contacts?|enquiries|inquiries)\b\s*(:|$)"
    # The writer's own, over a line of addresses and handles (The Intercept's, audit 39).
    r"|^(contact|reach|e-?mail) (the )?(author|writer|reporter|journalist)s?\s*(:|$)"
    # Bloomberg's, under the story: "To contact the reporter on this story:", "To contact the
    # editor responsible for this story:" (audit 41).
    r"|^to contact the (reporters?|editors?|authors?)( responsible for| on)?( this story)?\s*:"
    # A release's, in a sentence's words: "For further information, please contact:", "For
    # media inquiries, contact:". Its colon makes it a label.
    r"|^for (further|more|additional) information,? (please )?(contact|call|e-?mail)\s*:"
    r"|^for (media|press|investor|all) (inquiries|enquiries|information),? (please )?"
    r"(contact|call|e-?mail)\s*:",
    re.IGNORECASE,
)

# --- Comment threads ------------------------------------------------------------------------
# A reader comment's signature line: "Posted by: Ann at October 29, 2012 05:23 PM",
# "Ann says:", "On 3 May 2012 at 10:02, Ann said:". Three or more of them make a thread.
COMMENT_SIGNATURE = _compile(
    r"^(posted|written|submitted) by\s*:\s*.{1,80}?\s(at|on|\|)\s.*\d",
    r"^[\w .'-]{1,60}\s(says|said|wrote)\s*:?$",
    r"^(on )?.{0,40}\d{4}.{0,30}\s(says|said|wrote)\s*:?$",
)
# Where a thread begins: the post's own signature, a comments/trackback heading.
THREAD_START = _compile(
    r"^(posted|written|submitted) by\b",
    r"^(\d+ |no )?(comments?|responses?|replies|trackbacks?|trackback pings)\b.{0,30}$",
    r"^(leave|post|add) (a|your) (comment|reply|response)",
)

# --- Teasers: links to other articles, at the trailing edge --------------------------------
# A teaser's own date and its "Read more": a list item with both is another story's card,
# however long its blurb ("Get Ready to Party … details... Read more... 2012-11-07").
TEASER_DATE = _compile(
    r"\b" + _MONTH + r" \d{1,2},? \d{4}\b",
    r"\b\d{1,2} " + _MONTH + r" \d{4}\b",
    r"\b\d{4}-\d{2}-\d{2}\b",
)
TEASER_READ_MORE = re.compile(r"\b(read|see) more\b", re.IGNORECASE)
TEASER_SIGNATURE = TEASER_DATE + _compile(
    r"\b\d{1,2}:\d{2} ?([ap]\.?m\.?)\b",
    r"\b(read|see) more\b|\bmore\s*»|»\s*$|\.\.\.\s*$|…\s*$",
    r"\bby [A-Z][\w'-]+( [A-Z][\w'-]+)* on\b",
    r"\b\d+ (minutes?|hours?|days?|weeks?) ago\b",
)
# Previous/next navigation: "« Older post | Main", "Next article »".
NAVIGATION = _compile(
    r"^«.{0,120}$",
    r"^.{0,120}»$",
    r"^(previous|next|older|newer) (post|article|entry|story)\b.{0,80}$",
)
# A counter above the article: upvotes or reactions after a row of avatars ("+80"), a
# list item that is only a number. Leading edge only; a bare "2012" stays.
COUNTER = re.compile(r"^([-•*]\s+\+?|\+)\d{1,3}(,\d{3})*(\.\d)?[km]?$", re.IGNORECASE)
# A byline line at the top of the text; its names are in `authors`.
BYLINE = re.compile(r"^(by|written by|posted by|words by)\s+\S", re.IGNORECASE)

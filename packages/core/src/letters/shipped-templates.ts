/**
 * The letters Rapport ships, as `.eta` text embedded here so core needs no
 * file system. A file `.rapport/templates/NAME.eta` with the same name
 * replaces one. Control tags end with `-%>` so their line leaves no trace.
 */
export const SHIPPED_TEMPLATES: Readonly<Record<string, string>> = {
  'cold-email': `---
description: First request by email or LinkedIn message — who I am, how I found you, what impressed me; advice, not a job; 30 minutes at your convenience
needs: [firstName, foundVia, impressed, profile.name, profile.background, profile.field]
stage: contacted
---
Subject: Your advice on a career in <%= it.profile.field %>

Dear <%= it.firstName %>,

I am <%= it.profile.name %> — <%= it.profile.background %> — and I am exploring a career in <%= it.profile.field %>. <%= it.foundVia %>, and I was impressed by <%= it.impressed %>.

I am not looking for a job. I am hoping to learn from people who do this work<% if (it.organization) { const sep = it.organization.includes(',') ? ';' : ','; %>: what it is like at <%= it.organizationInText %><%= sep %> how you got there<%= sep %> and what you would advise someone starting out<% } %>. Would you have 30 minutes for a call or a coffee in the coming weeks, at a time that suits you?

Thank you for considering it.

Best regards,
<%= it.signature %>
`,

  'cold-letter': `---
description: Letter that refers to something specific they wrote or did, and the dates I am in their area when I travel there
needs: [firstName, impressed, profile.name, profile.background, profile.field]
stage: contacted
---
<% if (it.visiting) { -%>
Subject: A request for advice while I am in your area
<% } else { -%>
Subject: A request for your advice
<% } -%>

Dear <%= it.firstName %>,

I am writing to you because of <%= it.impressed %>. It is exactly the kind of work I hope to understand better.

I am <%= it.profile.name %> — <%= it.profile.background %> — and I am exploring a career in <%= it.profile.field %>. <% if (it.visiting) { %>I will be in <%= it.visiting %>, and I would be grateful for 30 minutes of your time while I am there<% } else { %>I would be grateful for 30 minutes of your time, in person or by phone<% } %><% if (it.organization) { %>, to hear how you found your way to <%= it.organizationInText %> and what you would advise someone in my position<% } %>. I am not asking about jobs, only for your advice, at whatever time suits you.

Thank you for reading this.

Sincerely,
<%= it.signature %>
<% if (it.profile.location && it.via !== 'linkedin') { -%>
<%= it.profile.location %>
<% } -%>
`,

  referral: `---
description: Request that names the mutual acquaintance first (from referred_by)
needs: [firstName, referrer.name, profile.name, profile.background, profile.field]
stage: contacted
---
Subject: <%= it.referrer.name %> suggested I get in touch

Dear <%= it.firstName %>,

<%= it.referrer.name %> suggested I write to you. I am <%= it.profile.name %> — <%= it.profile.background %> — and I am exploring a career in <%= it.profile.field %>; <%= it.referrer.firstName %> thought you would be the right person to ask<% if (it.position) { %>, given your role as <%= it.position %><% } else if (it.organization) { %>, given your work at <%= it.organizationInText %><% } %>.<% if (it.impressed) { %> Reading about what you do, I was impressed by <%= it.impressed %>.<% } %>

I am not looking for a job, only for your advice. Would you have 30 minutes for a call or a coffee in the coming weeks, whenever suits you best?

Thank you, and thanks to <%= it.referrer.firstName %> for the introduction.

Best regards,
<%= it.signature %>
`,

  'linkedin-note': `---
description: LinkedIn connection request, no subject, within LinkedIn's 300 characters (200 on a free account)
needs: [firstName, profile.firstName, profile.field]
stage: contacted
via: linkedin
---
Hi <%= it.firstName %>,

<% if (it.referrer.name) { %><%= it.referrer.name %> suggested I get in touch. <% } else if (it.seenAt && it.impressedBrief && it.seenAt.length + it.impressedBrief.length <= 95) { %>I saw you at <%= it.seenAt %> and was impressed by <%= it.impressedBrief %>. <% } else if (it.impressedBrief && it.impressedBrief.length <= 110) { %>I was impressed by <%= it.impressedBrief %>. <% } else if (it.foundVia) { %><%= it.foundVia %>. <% } %>I'm exploring a career in <%= it.profile.field %>. I'm not after a job, but I'd value 20 minutes of your advice. Would that be possible?

<%= it.profile.firstName %>
`,

  'follow-up': `---
description: One polite nudge when there is no reply to the first request
needs: [firstName, sentOn, profile.name]
stage: followed-up
---
Subject: Following up on my note of <%= it.sentOn %>

Dear <%= it.firstName %>,

I wrote to you on <%= it.sentOn %><% if (it.referrer.name && it.sentNamedReferrer) { %>, at <%= it.referrer.name %>'s suggestion,<% } %> to ask for <%= it.askedMinutes %> minutes of your advice<% if (it.profile.field) { %> on a career in <%= it.profile.field %><% } %>. <% const went = it.sentVia ?? it.via; if (went === 'email') { %>I know how full an inbox gets<% } else if (went === 'linkedin') { %>I know how quickly messages pile up on LinkedIn<% } else if (went === 'letter') { %>I know how easily a letter gets set aside<% } else { %>I know how busy the weeks get<% } %>, so I am writing once more.<% if (it.referrer.name && !it.sentNamedReferrer) { %> <%= it.referrer.name %> has since suggested that I talk with you as well.<% } %>

If you could spare the time in the coming weeks, at any time that suits you, I would be very grateful. And if now is not a good time, I completely understand.

Best regards,
<%= it.signature %>
`,

  'thank-you': `---
description: Thank-you after the meeting, naming something specific learned (a "Learned:" line in the note)
needs: [firstName, learned, profile.name]
stage: thanked
---
Subject: Thank you for your time and advice

Dear <%= it.firstName %>,

Thank you for taking the time to talk with me<% if (it.meeting.when) { %> <%= it.meeting.when %><% } %>. <% if (/^(?:that|how|why|what|when|where|whether|about)\\b/.test(it.learned)) { %>I learned a great deal, above all <%= it.learned %>.<% } else { %>I learned a great deal, and one thing in particular has stayed with me: <%= it.learned %>.<% } %>

<% if (it.suggested) { %>Thank you, too, for suggesting that I talk with <%= it.suggested %>. <% } %><% if (it.topic) { %>I look forward to staying in touch about <%= it.topic %>, and I will let you know how your advice works out.<% } else { %>I will let you know how your advice works out.<% } %><% if (it.referrer.name) { %> I am also grateful to <%= it.referrer.firstName %> for putting us in touch.<% } %>

Thank you again for your generosity.

With gratitude,
<%= it.signature %>
`,

  'keep-in-touch': `---
description: Keep-in-touch note sharing an article or news item on a topic you discussed
needs: [firstName, topic, article, profile.name]
stage: nurturing
---
Subject: Thought of you: <%= it.topic %>

Dear <%= it.firstName %>,

I hope all is well<% if (it.organization) { %> at <%= it.organizationInText %><% } %>. When we talked<% if (it.meeting.past) { %> <%= it.meeting.past %><% } %>, we discussed <%= it.topic %>, and I came across something I thought you would find interesting:

<%= it.article %>

I would love to hear what you think of it, but no need to reply if you are busy. I just wanted to pass it along, and to thank you again for your advice.

All the best,
<%= it.signature %>
`,
};

import{c as e,d as t,i as n,l as r,n as i,s as a,t as o}from"./jsxRuntime-CwlHkL6Z.js";import{C as s,S as c,a as l,c as u,h as d,m as f}from"./index-Bc8s_29E.js";import{t as p}from"./strings-work-DPMdQIvZ.js";import{h as m,i as h,l as g,n as _,o as v,s as y,t as b}from"./shell-DQfVQozL.js";import{b as x,l as S,s as C}from"./store-BeWlvvk6.js";import{r as w}from"./staff-app-C30UlNrs.js";import{i as ee}from"./care-fdTYNXJP.js";import{a as T,n as E}from"./queue-p-M8vcnJ.js";var D=new d(`
    query JournalList($nurseryId: ID!, $kind: JournalKind, $status: JournalStatus, $from: Date, $to: Date) {
  journals(
    nurseryId: $nurseryId
    kind: $kind
    status: $status
    from: $from
    to: $to
  ) {
    ...JournalFields
  }
}
    fragment JournalFields on Journal {
  id
  kind
  status
  revision
  periodStart
  periodEnd
  body
  reviewComment
  updatedAt
  classroom {
    id
    name
  }
  child {
    id
    name
  }
  author {
    id
    displayName
  }
}`),O=new d(`
    query JournalOne($id: ID!) {
  journal(id: $id) {
    ...JournalFields
  }
}
    fragment JournalFields on Journal {
  id
  kind
  status
  revision
  periodStart
  periodEnd
  body
  reviewComment
  updatedAt
  classroom {
    id
    name
  }
  child {
    id
    name
  }
  author {
    id
    displayName
  }
}`),k=new d(`
    query JournalRevisions($id: ID!) {
  journalHistory(id: $id) {
    revision
    status
    body
    action
    at
    actor {
      displayName
    }
  }
}
    `),A=new d(`
    query JournalPrefill($kind: JournalKind!, $classroomId: ID, $childId: ID, $date: Date!) {
  journalTemplate(
    kind: $kind
    classroomId: $classroomId
    childId: $childId
    date: $date
  )
}
    `),j=new d(`
    mutation JournalSave($input: JournalDraftInput!) {
  saveJournalDraft(input: $input) {
    ...JournalFields
  }
}
    fragment JournalFields on Journal {
  id
  kind
  status
  revision
  periodStart
  periodEnd
  body
  reviewComment
  updatedAt
  classroom {
    id
    name
  }
  child {
    id
    name
  }
  author {
    id
    displayName
  }
}`),te=new d(`
    mutation JournalSubmit($id: ID!, $revision: Int!) {
  submitJournal(id: $id, revision: $revision) {
    ...JournalFields
  }
}
    fragment JournalFields on Journal {
  id
  kind
  status
  revision
  periodStart
  periodEnd
  body
  reviewComment
  updatedAt
  classroom {
    id
    name
  }
  child {
    id
    name
  }
  author {
    id
    displayName
  }
}`),ne=new d(`
    mutation JournalApprove($id: ID!) {
  approveJournal(id: $id) {
    ...JournalFields
  }
}
    fragment JournalFields on Journal {
  id
  kind
  status
  revision
  periodStart
  periodEnd
  body
  reviewComment
  updatedAt
  classroom {
    id
    name
  }
  child {
    id
    name
  }
  author {
    id
    displayName
  }
}`),re=new d(`
    mutation JournalReturn($id: ID!, $comment: String!) {
  returnJournal(id: $id, comment: $comment) {
    ...JournalFields
  }
}
    fragment JournalFields on Journal {
  id
  kind
  status
  revision
  periodStart
  periodEnd
  body
  reviewComment
  updatedAt
  classroom {
    id
    name
  }
  child {
    id
    name
  }
  author {
    id
    displayName
  }
}`),ie=new d(`
    mutation JournalPublish($id: ID!) {
  publishJournal(id: $id) {
    ...JournalFields
  }
}
    fragment JournalFields on Journal {
  id
  kind
  status
  revision
  periodStart
  periodEnd
  body
  reviewComment
  updatedAt
  classroom {
    id
    name
  }
  child {
    id
    name
  }
  author {
    id
    displayName
  }
}`),M=new d(`
    query HeadNursery($nurseryId: ID!) {
  nursery(id: $nurseryId) {
    id
    municipality {
      id
    }
  }
}
    `),N=new d(`
    query DaySummaries($municipalityId: ID!, $from: Date!, $to: Date!, $nurseryId: ID) {
  nurseryDaySummaries(
    municipalityId: $municipalityId
    from: $from
    to: $to
    nurseryId: $nurseryId
  ) {
    date
    nursery {
      id
      name
    }
    enrolled
    present
    absent
    late
    napChecksRequired
    napChecksOnTime
    napCheckCompliance
    classrooms
    diariesApproved
  }
}
    `),P=new d(`
    query AuditEntries($nurseryId: ID, $operation: String, $access: AuditAccess, $first: Int, $after: String) {
  auditLog(
    nurseryId: $nurseryId
    operation: $operation
    access: $access
    first: $first
    after: $after
  ) {
    entries {
      id
      at
      actorId
      access
      operation
      entityIds
    }
    nextCursor
  }
}
    `),F=`tsunagu.journalDraft.`;function I(e){try{localStorage.setItem(F+e.journal.id,JSON.stringify(e))}catch{}}function ae(e){try{let t=localStorage.getItem(F+e);return t?JSON.parse(t):null}catch{return null}}function L(e){try{localStorage.removeItem(F+e)}catch{}}var R={CONTACT_NOTEBOOK:[`arrival`,`temperature`,`meals`,`nap`,`mood`,`activities`,`message`],DAILY_DIARY:[`weather`,`attendanceSummary`,`activities`,`observations`,`healthNotes`,`meals`,`naps`,`incidents`],GUIDANCE_PLAN:[`aims`,`content`,`environment`,`support`,`evaluation`]},oe=[`sleep`,`mood`,`breakfast`,`temperatureC`,`message`];function z(e){let t={};try{t=JSON.parse(e.body)}catch{}let n=e.kind===`CONTACT_NOTEBOOK`?t.nursery??{}:t,r={};for(let t of R[e.kind])r[t]=typeof n[t]==`string`?n[t]:``;return{mine:r,home:t.home??{}}}function B({id:l}){let[d,m]=r(null),[h,g]=r({}),[v,b]=r(`saved`),[x,S]=r(null),[C,w]=r(null),[T,E]=r(null),[D,M]=r(``),N=e({}),P=e({draft:h,journal:d});P.current={draft:h,journal:d};let F=e(null),B=e=>{let{mine:t}=z(e);N.current=t,m(e),g(t)},V=()=>s(k,{id:l}).then(e=>E(e.journalHistory)).catch(()=>{});a(()=>{let e=ae(l);return e?(N.current=e.base,m(e.journal),g(e.draft),P.current={draft:e.draft,journal:e.journal},b(`offline`),W(e.draft,e.journal.revision)):s(O,{id:l}).then(e=>e.journal&&B(e.journal)).catch(()=>{}),V(),()=>{F.current&&clearTimeout(F.current)}},[l]);let H=e(null),U=e(!1);U.current=!!x;let W=(e,t)=>{let n=H.current,r=n?n.then(()=>{let{draft:e,journal:t}=P.current;return t&&!U.current?G(e,t.revision):null}):G(e,t);return H.current=r,r.finally(()=>{H.current===r&&(H.current=null)}),r},G=async(e,t)=>{let r=P.current.journal;if(!r)return null;b(`saving`);try{let n=(await s(j,{input:{journalId:r.id,kind:r.kind,classroomId:r.classroom?.id??null,childId:r.child?.id??null,periodStart:r.periodStart,periodEnd:r.periodEnd,body:JSON.stringify(r.kind===`CONTACT_NOTEBOOK`?{nursery:e}:e),revision:t}})).saveJournalDraft;N.current=e,m(n),P.current={...P.current,journal:n};let i=JSON.stringify(P.current.draft)===JSON.stringify(e);return i?L(n.id):I({journal:n,base:e,draft:P.current.draft}),b(i?`saved`:`dirty`),V(),n}catch(e){if(e instanceof c&&e.code===`CONFLICT`){let e=(await s(O,{id:r.id})).journal,t=(await s(k,{id:r.id})).journalHistory;if(e){U.current=!0;let n=t[t.length-1];S({theirs:z(e).mine,journal:e,who:n?.actor.displayName??``,at:e.updatedAt})}E(t),b(`dirty`)}else e instanceof c&&e.transient?(I({journal:{...r,revision:t},base:N.current,draft:P.current.draft}),b(`offline`)):(w(e instanceof Error?e.message:n(`errorGeneric`)),b(`dirty`));return null}};a(()=>{if(v!==`offline`)return;let e=()=>{let{draft:e,journal:t}=P.current;t&&W(e,t.revision)};window.addEventListener(`online`,e);let t=setInterval(e,5e3);return()=>{window.removeEventListener(`online`,e),clearInterval(t)}},[v]);let K=!!d&&(d.status===`DRAFT`||d.status===`RETURNED`)&&!x,q=(e,t)=>{let n={...h,[e]:t};g(n),P.current={...P.current,draft:n},d&&I({journal:d,base:N.current,draft:n}),b(e=>e===`offline`?e:`dirty`),F.current&&clearTimeout(F.current),F.current=setTimeout(()=>{let{draft:e,journal:t}=P.current;t&&W(e,t.revision)},1200)},J=async()=>{F.current&&clearTimeout(F.current);let{draft:e,journal:t}=P.current;return t?v===`saved`?t:W(e,t.revision):null},Y=async e=>{w(null);try{let t=await J();if(!t)return;B(await e(t)),V()}catch(e){w(e instanceof c&&e.code===`FORBIDDEN`?n(`errorGeneric`):e instanceof Error?e.message:n(`errorGeneric`))}},X=async e=>{if(!x)return;let t=x.theirs;if(U.current=!1,S(null),m(x.journal),e===`theirs`){L(x.journal.id),B(x.journal),b(`saved`);return}let n=e===`mine`?h:ee(N.current,h,t);N.current=t,g(n),P.current={draft:n,journal:x.journal},await W(n,x.journal.revision)},Z=async()=>{let e=P.current.journal;if(e?.child)try{let t=(await s(A,{kind:e.kind,childId:e.child.id,date:e.periodStart})).journalTemplate,n=z({...e,body:t}).mine,r={...P.current.draft};for(let[e,t]of Object.entries(n))!r[e]&&t&&(r[e]=t);g(r),P.current={draft:r,journal:e},await W(r,e.revision)}catch{w(n(`errorGeneric`))}};if(!d)return o(`p`,{children:n(`loading`)});let Q=i.value,se=u(f.value),{home:$}=z(d),ce=p(`status${d.status}`);return o(`div`,{"data-testid":`journal-editor`,"data-status":d.status,"data-revision":d.revision,children:[o(`header`,{class:`editor-head`,children:[o(`h2`,{children:[p(`kind${d.kind}`),` `,d.child?.name??d.classroom?.name??``,` `,o(`span`,{class:`muted`,children:d.periodStart})]}),o(`p`,{class:`status-chip s-${d.status.toLowerCase()}`,"data-testid":`journal-status`,children:ce}),o(`p`,{class:`muted small`,"aria-live":`polite`,"data-testid":`save-state`,children:v===`saving`?p(`editorSaving`):v===`offline`?p(`editorOffline`):v===`saved`?p(`editorSaved`,{rev:d.revision}):``})]}),d.reviewComment&&d.status===`RETURNED`&&o(`p`,{class:`note`,children:p(`reviewComment`,{comment:d.reviewComment})}),C&&o(`p`,{class:`error`,role:`alert`,children:C}),x&&o(`section`,{class:`card conflict`,role:`alert`,"data-testid":`conflict`,children:[o(`h2`,{children:[o(_,{name:`alert`}),` `,p(`conflictTitle`)]}),o(`p`,{children:p(`conflictBody`,{who:x.who,at:y(x.at,Q)})}),o(`div`,{class:`side-by-side`,children:[o(`div`,{children:[o(`h3`,{children:p(`conflictMine`)}),o(`dl`,{"data-testid":`conflict-mine`,children:R[d.kind].map(e=>o(`div`,{class:h[e]===x.theirs[e]?``:`differs`,children:[o(`dt`,{children:p(`sec${e}`)}),o(`dd`,{children:h[e]||`—`})]},e))})]}),o(`div`,{children:[o(`h3`,{children:p(`conflictTheirs`)}),o(`dl`,{"data-testid":`conflict-theirs`,children:R[d.kind].map(e=>o(`div`,{class:h[e]===x.theirs[e]?``:`differs`,children:[o(`dt`,{children:p(`sec${e}`)}),o(`dd`,{children:x.theirs[e]||`—`})]},e))})]})]}),o(`div`,{class:`dialog-actions wrap`,children:[o(`button`,{class:`btn`,onClick:()=>void X(`theirs`),children:p(`conflictKeepTheirs`)}),o(`button`,{class:`btn`,onClick:()=>void X(`mine`),children:p(`conflictKeepMine`)}),o(`button`,{class:`btn primary`,onClick:()=>void X(`merge`),children:p(`conflictMerge`)})]})]}),o(`div`,{class:d.kind===`CONTACT_NOTEBOOK`?`notebook-split`:``,children:[o(`section`,{class:`card`,children:[!K&&!x&&o(`p`,{class:`muted`,children:p(`editorReadOnly`,{status:ce})}),R[d.kind].map(e=>o(`label`,{class:`field`,children:[o(`span`,{children:p(`sec${e}`)}),o(`textarea`,{name:e,rows:e===`activities`||e===`observations`||e===`content`?4:2,value:h[e]??``,readOnly:!K,onInput:t=>q(e,t.currentTarget.value),onBlur:()=>K&&void J()})]},e))]}),d.kind===`CONTACT_NOTEBOOK`&&o(`section`,{class:`card home-side`,"data-testid":`home-side`,children:[o(`h3`,{children:p(`homeSide`)}),Object.keys($).length===0?o(`p`,{class:`muted`,children:p(`homeEmpty`)}):o(`dl`,{children:oe.filter(e=>$[e]!=null&&$[e]!==``).map(e=>o(`div`,{children:[o(`dt`,{children:p(`sec${e}`)}),o(`dd`,{children:String($[e])})]},e))})]})]}),o(`div`,{class:`editor-actions`,children:[K&&d.kind===`CONTACT_NOTEBOOK`&&o(`button`,{class:`btn`,onClick:()=>void Z(),"data-testid":`prefill`,children:p(`prefill`)}),K&&d.kind!==`CONTACT_NOTEBOOK`&&o(`button`,{class:`btn primary`,onClick:()=>void Y(e=>s(te,{id:e.id,revision:e.revision}).then(e=>e.submitJournal)),children:p(`submit`)}),d.kind===`CONTACT_NOTEBOOK`&&d.status!==`PUBLISHED`&&o(`button`,{class:`btn primary`,onClick:()=>void Y(e=>s(ie,{id:e.id}).then(e=>e.publishJournal)),children:p(`publish`)}),se&&d.status===`SUBMITTED`&&o(t,{children:[o(`button`,{class:`btn primary`,onClick:()=>void Y(e=>s(ne,{id:e.id}).then(e=>e.approveJournal)),children:[o(_,{name:`check`}),` `,p(`approve`)]}),o(`label`,{class:`field inline`,children:[o(`span`,{children:p(`returnComment`)}),o(`input`,{name:`comment`,value:D,maxLength:1e3,onInput:e=>M(e.currentTarget.value)})]}),o(`button`,{class:`btn`,disabled:!D.trim(),onClick:()=>void Y(e=>s(re,{id:e.id,comment:D.trim()}).then(e=>e.returnJournal)),children:p(`returnIt`)})]})]}),T&&T.length>0&&o(`details`,{class:`card history`,children:[o(`summary`,{children:[p(`history`),` (`,T.length,`)`]}),o(`ol`,{"data-testid":`history`,children:[...T].reverse().map(e=>o(`li`,{children:p(`historyItem`,{rev:e.revision,action:p(`action${e.action}`),who:e.actor.displayName,at:y(e.at,Q)})},e.revision+e.action+e.at))})]})]})}function V({nurseryId:e}){let[c,l]=r(null),[u,d]=r(null);a(()=>{let t=m();s(M,{nurseryId:e}).then(n=>n.nursery?s(N,{municipalityId:n.nursery.municipality.id,nurseryId:e,from:h(t,-13),to:t}):null).then(e=>l(e?.nurseryDaySummaries??[])).catch(()=>l([])),s(D,{nurseryId:e,status:`SUBMITTED`}).then(e=>d(e.journals.length)).catch(()=>{})},[e]);let f=i.value,_=S.value.filter(E),y={PRESENT:[],ABSENT:[],LATE:[],NOT_YET:[],LEFT:[]};for(let e of C.value?.classrooms??[])for(let t of e.children){let r=T(t.attendance,t.absences,_.filter(e=>e.childId===t.id)),i=r.report?.symptoms.map(e=>n(`symptom${e}`))??[],a=i.length?f===`ja`?`（${i.join(`・`)}）`:` (${i.join(`, `)})`:``,o=r.status===`LATE`&&r.at?` ${g(r.at)}`:``;y[r.status].push(`${t.name}${r.status===`ABSENT`?a:o} · ${e.name}`)}let b=(e,t,n,r=!0)=>o(`section`,{class:`card ov-box ${n}`,"data-testid":`ov-${n}`,children:[o(`h2`,{children:[e,` `,o(`span`,{class:`ov-count`,children:t.length})]}),r&&(t.length?o(`ul`,{children:t.map(e=>o(`li`,{children:e},e))}):o(`p`,{class:`muted`,children:p(`ovNobody`)}))]});return o(t,{children:[o(`p`,{class:`today`,children:v(m(),f)}),u!=null&&u>0&&o(`p`,{children:o(`a`,{class:`btn primary`,href:`/inbox`,children:p(`ovInbox`,{n:u})})}),o(`div`,{class:`ov-grid`,children:[b(p(`ovPresent`),y.PRESENT,`st-present`,!1),b(p(`ovAbsent`),y.ABSENT,`st-absent`),b(p(`ovLate`),y.LATE,`st-late`),b(p(`ovNotYet`),y.NOT_YET,`st-none`),b(p(`ovLeft`),y.LEFT,`st-left`,!1)]}),o(`section`,{class:`card`,children:[o(`h2`,{children:p(`ovByDay`)}),c?c.length===0?o(`p`,{class:`muted`,children:p(`ovNoDays`)}):o(`div`,{class:`table-wrap`,tabIndex:0,children:o(`table`,{class:`data-table`,"data-testid":`ov-days`,children:[o(`thead`,{children:o(`tr`,{children:[o(`th`,{scope:`col`,children:p(`ovDate`)}),o(`th`,{scope:`col`,children:p(`ovPresent`)}),o(`th`,{scope:`col`,children:p(`ovAbsent`)}),o(`th`,{scope:`col`,children:p(`ovNapCompliance`)}),o(`th`,{scope:`col`,children:p(`ovDiaries`)})]})}),o(`tbody`,{children:[...c].reverse().map(e=>o(`tr`,{children:[o(`th`,{scope:`row`,children:v(e.date,f)}),o(`td`,{children:[e.present,`/`,e.enrolled]}),o(`td`,{children:e.absent}),o(`td`,{children:[e.napChecksOnTime,`/`,e.napChecksRequired,e.napCheckCompliance!=null&&` (${Math.round(e.napCheckCompliance*100)}%)`]}),o(`td`,{children:[e.diariesApproved,`/`,e.classrooms]})]},e.date))})]})}):o(`p`,{children:n(`loading`)})]})]})}function H({nurseryId:e}){let[c,l]=r(``),[u,d]=r(``),[f,m]=r(null),[h,g]=r(null),_=t=>s(P,{nurseryId:e,operation:c.trim()||null,access:u||null,first:50,after:t}).then(e=>{m(n=>t?[...n??[],...e.auditLog.entries]:e.auditLog.entries),g(e.auditLog.nextCursor??null)}).catch(()=>m(e=>e??[]));a(()=>void _(null),[e]);let v=i.value;return o(t,{children:[o(`form`,{class:`filters`,onSubmit:e=>{e.preventDefault(),_(null)},children:[o(`label`,{class:`field inline`,children:[o(`span`,{children:p(`auditOperation`)}),o(`input`,{name:`operation`,value:c,onInput:e=>l(e.currentTarget.value),placeholder:`checkIn`})]}),o(`label`,{class:`field inline`,children:[o(`span`,{children:p(`auditAccess`)}),o(`select`,{name:`access`,value:u,onChange:e=>d(e.currentTarget.value),children:[o(`option`,{value:``,children:p(`auditAll`)}),o(`option`,{value:`READ`,children:p(`auditREAD`)}),o(`option`,{value:`WRITE`,children:p(`auditWRITE`)})]})]}),o(`button`,{class:`btn primary`,type:`submit`,children:p(`auditFilter`)})]}),f?o(`div`,{class:`table-wrap`,tabIndex:0,children:o(`table`,{class:`data-table`,"data-testid":`audit`,children:[o(`thead`,{children:o(`tr`,{children:[o(`th`,{scope:`col`,children:p(`auditWhen`)}),o(`th`,{scope:`col`,children:p(`auditOperation`)}),o(`th`,{scope:`col`,children:p(`auditAccess`)}),o(`th`,{scope:`col`,children:p(`auditActor`)})]})}),o(`tbody`,{children:f.map(e=>o(`tr`,{children:[o(`td`,{children:y(e.at,v)}),o(`td`,{children:e.operation}),o(`td`,{children:p(e.access===`READ`?`auditREAD`:`auditWRITE`)}),o(`td`,{class:`small mono`,children:e.actorId?.slice(0,8)??`—`})]},e.id))})]})}):o(`p`,{children:n(`loading`)}),h&&o(`button`,{class:`btn`,onClick:()=>void _(h),children:p(`auditMore`)})]})}function U({banner:e,nurseryId:t,route:n}){let r=/^\/journals\/([^/]+)$/.exec(n),[i,a,s]=r?[p(`journalsTitle`),o(B,{id:decodeURIComponent(r[1])},r[1]),`/journals`]:n===`/notebook`?[p(`notebookTitle`),o(Y,{nurseryId:t})]:n===`/inbox`?[p(`inboxTitle`),o(Q,{nurseryId:t})]:n===`/overview`?[p(`overviewTitle`),o(V,{nurseryId:t})]:n===`/audit`?[p(`auditTitle`),o(H,{nurseryId:t})]:[p(`journalsTitle`),o(X,{nurseryId:t})];return o(b,{title:i,back:s,banner:e,pending:S.value.length,wide:!0,children:[o(x,{}),a]})}function W(){let e=C.value?.classrooms??[];return e.find(e=>e.id===w.value)??e[0]??null}function G(e,t){let[n,i]=r(null),o=JSON.stringify(t);return a(()=>{let n=!0;return s(D,{nurseryId:e,...t}).then(e=>n&&i(e.journals)).catch(()=>n&&i([])),()=>{n=!1}},[e,o]),n}async function K(e,t,n,r){let i=(await s(A,{kind:e,classroomId:t.classroomId??null,childId:t.childId??null,date:n})).journalTemplate,a=(await s(j,{input:{kind:e,classroomId:t.classroomId??null,childId:t.childId??null,periodStart:n,periodEnd:r,body:i}})).saveJournalDraft;l(`/journals/${encodeURIComponent(a.id)}`)}function q({status:e}){return o(`span`,{class:`status-chip s-${e.toLowerCase()}`,children:p(`status${e}`)})}function J(e){try{let t=JSON.parse(e).home??{};return Object.values(t).some(e=>e!=null&&e!==``)}catch{return!1}}function Y({nurseryId:e}){let a=m(),s=G(e,{kind:`CONTACT_NOTEBOOK`,from:a,to:a}),c=W(),[l,u]=r(!1);return!c||!s?o(`p`,{children:n(`loading`)}):o(t,{children:[o(`p`,{class:`today`,children:[c.name,` · `,v(a,i.value)]}),l&&o(`p`,{class:`error`,children:n(`errorGeneric`)}),o(`ul`,{class:`journal-list`,"data-testid":`notebook-list`,children:c.children.map(e=>{let t=s.find(t=>t.child?.id===e.id),n=t?J(t.body):!1;return o(`li`,{class:`card journal-row`,"data-testid":`notebook-row`,"data-child":e.id,children:[o(`span`,{class:`journal-name`,children:e.name}),o(q,{status:t?.status??`NONE`}),n&&o(`span`,{class:`small`,children:[o(_,{name:`home`,size:16}),` `,p(`homeSide`)]}),t?o(`a`,{class:`btn small`,href:`/journals/${encodeURIComponent(t.id)}`,children:p(`notebookOpen`)}):o(`button`,{class:`btn small primary`,onClick:()=>K(`CONTACT_NOTEBOOK`,{childId:e.id},a,a).catch(()=>u(!0)),children:p(`notebookNew`)})]},e.id)})})]})}function X({nurseryId:e}){let a=m(),s=G(e,{from:h(a,-30),to:a}),c=W(),[l,u]=r(!1);if(!c||!s)return o(`p`,{children:n(`loading`)});let d=s.filter(e=>e.kind!==`CONTACT_NOTEBOOK`&&e.classroom?.id===c.id),f=d.find(e=>e.kind===`DAILY_DIARY`&&e.periodStart===a);return o(t,{children:[o(`p`,{class:`today`,children:[c.name,` · `,v(a,i.value)]}),l&&o(`p`,{class:`error`,children:n(`errorGeneric`)}),o(`div`,{class:`class-action`,children:[f?o(`a`,{class:`btn primary big`,href:`/journals/${encodeURIComponent(f.id)}`,"data-testid":`open-diary`,children:[o(_,{name:`book`}),` `,p(`openDiary`)]}):o(`button`,{class:`btn primary big`,"data-testid":`new-diary`,onClick:()=>K(`DAILY_DIARY`,{classroomId:c.id},a,a).catch(()=>u(!0)),children:[o(_,{name:`book`}),` `,p(`newDiary`)]}),o(`button`,{class:`btn`,onClick:()=>K(`GUIDANCE_PLAN`,{classroomId:c.id},a,h(a,6)).catch(()=>u(!0)),children:p(`newPlan`)})]}),o(`h2`,{children:p(`recentJournals`)}),d.length===0&&o(`p`,{class:`muted`,children:p(`noJournals`)}),o(`ul`,{class:`journal-list`,children:d.map(e=>o(Z,{journal:e},e.id))})]})}function Z({journal:e}){return o(`li`,{class:`card journal-row`,"data-testid":`journal-row`,children:[o(`a`,{class:`journal-name`,href:`/journals/${encodeURIComponent(e.id)}`,children:[p(`kind${e.kind}`),` `,e.classroom?.name??e.child?.name??``,` `,v(e.periodStart,i.value)]}),o(q,{status:e.status}),o(`span`,{class:`muted small`,children:p(`by`,{who:e.author.displayName})})]})}function Q({nurseryId:e}){let r=G(e,{status:`SUBMITTED`});return r?o(t,{children:[r.length===0&&o(`p`,{class:`muted`,children:p(`inboxEmpty`)}),o(`ul`,{class:`journal-list`,"data-testid":`inbox`,children:r.map(e=>o(Z,{journal:e},e.id))})]}):o(`p`,{children:n(`loading`)})}export{U as JournalScreen};
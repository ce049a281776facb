import{c as e,f as t,i as n,l as r,n as i,t as a,u as o}from"./jsxRuntime-K-K-D2y6.js";import{C as s,S as c,a as l,c as u,h as d,m as f}from"./index-D4TBl890.js";import{t as p}from"./strings-work-CWROeNbD.js";import{h as m,i as h,l as g,n as _,o as v,s as y,t as b}from"./shell-BLv-c9W6.js";import{b as x,l as S,s as C}from"./store-EY4i5kUI.js";import{r as w}from"./staff-app-DE29myCK.js";import{i as ee}from"./care-fdTYNXJP.js";import{a as T,n as E}from"./queue-CEk2iEdD.js";var D=new d(`
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
    `),F=`tsunagu.journalDraft.`;function I(e){try{localStorage.setItem(F+e.journal.id,JSON.stringify(e))}catch{}}function ae(e){try{let t=localStorage.getItem(F+e);return t?JSON.parse(t):null}catch{return null}}function L(e){try{localStorage.removeItem(F+e)}catch{}}var R={CONTACT_NOTEBOOK:[`arrival`,`temperature`,`meals`,`nap`,`mood`,`activities`,`message`],DAILY_DIARY:[`weather`,`attendanceSummary`,`activities`,`observations`,`healthNotes`,`meals`,`naps`,`incidents`],GUIDANCE_PLAN:[`aims`,`content`,`environment`,`support`,`evaluation`]},oe=[`sleep`,`mood`,`breakfast`,`temperatureC`,`message`];function z(e){let t={};try{t=JSON.parse(e.body)}catch{}let n=e.kind===`CONTACT_NOTEBOOK`?t.nursery??{}:t,r={};for(let t of R[e.kind])r[t]=typeof n[t]==`string`?n[t]:``;return{mine:r,home:t.home??{}}}function B({id:l}){let[d,m]=o(null),[h,g]=o({}),[v,b]=o(`saved`),[x,S]=o(null),[C,w]=o(null),[T,E]=o(null),[D,M]=o(``),N=r({}),P=r({draft:h,journal:d});P.current={draft:h,journal:d};let F=r(null),B=e=>{let{mine:t}=z(e);N.current=t,m(e),g(t)},V=()=>s(k,{id:l}).then(e=>E(e.journalHistory)).catch(()=>{});e(()=>{let e=ae(l);return e?(N.current=e.base,m(e.journal),g(e.draft),P.current={draft:e.draft,journal:e.journal},b(`offline`),W(e.draft,e.journal.revision)):s(O,{id:l}).then(e=>e.journal&&B(e.journal)).catch(()=>{}),V(),()=>{F.current&&clearTimeout(F.current)}},[l]);let H=r(null),U=r(!1);U.current=!!x;let W=(e,t)=>{let n=H.current,r=n?n.then(()=>{let{draft:e,journal:t}=P.current;return t&&!U.current?G(e,t.revision):null}):G(e,t);return H.current=r,r.finally(()=>{H.current===r&&(H.current=null)}),r},G=async(e,t)=>{let r=P.current.journal;if(!r)return null;b(`saving`);try{let n=(await s(j,{input:{journalId:r.id,kind:r.kind,classroomId:r.classroom?.id??null,childId:r.child?.id??null,periodStart:r.periodStart,periodEnd:r.periodEnd,body:JSON.stringify(r.kind===`CONTACT_NOTEBOOK`?{nursery:e}:e),revision:t}})).saveJournalDraft;N.current=e,m(n),P.current={...P.current,journal:n};let i=JSON.stringify(P.current.draft)===JSON.stringify(e);return i?L(n.id):I({journal:n,base:e,draft:P.current.draft}),b(i?`saved`:`dirty`),V(),n}catch(e){if(e instanceof c&&e.code===`CONFLICT`){let e=(await s(O,{id:r.id})).journal,t=(await s(k,{id:r.id})).journalHistory;if(e){U.current=!0;let n=t[t.length-1];S({theirs:z(e).mine,journal:e,who:n?.actor.displayName??``,at:e.updatedAt})}E(t),b(`dirty`)}else e instanceof c&&e.transient?(I({journal:{...r,revision:t},base:N.current,draft:P.current.draft}),b(`offline`)):(w(e instanceof Error?e.message:n(`errorGeneric`)),b(`dirty`));return null}};e(()=>{if(v!==`offline`)return;let e=()=>{let{draft:e,journal:t}=P.current;t&&W(e,t.revision)};window.addEventListener(`online`,e);let t=setInterval(e,5e3);return()=>{window.removeEventListener(`online`,e),clearInterval(t)}},[v]);let K=!!d&&(d.status===`DRAFT`||d.status===`RETURNED`)&&!x,q=(e,t)=>{let n={...h,[e]:t};g(n),P.current={...P.current,draft:n},d&&I({journal:d,base:N.current,draft:n}),b(e=>e===`offline`?e:`dirty`),F.current&&clearTimeout(F.current),F.current=setTimeout(()=>{let{draft:e,journal:t}=P.current;t&&W(e,t.revision)},1200)},J=async()=>{F.current&&clearTimeout(F.current);let{draft:e,journal:t}=P.current;return t?v===`saved`?t:W(e,t.revision):null},Y=async e=>{w(null);try{let t=await J();if(!t)return;B(await e(t)),V()}catch(e){w(e instanceof c&&e.code===`FORBIDDEN`?n(`errorGeneric`):e instanceof Error?e.message:n(`errorGeneric`))}},X=async e=>{if(!x)return;let t=x.theirs;if(U.current=!1,S(null),m(x.journal),e===`theirs`){L(x.journal.id),B(x.journal),b(`saved`);return}let n=e===`mine`?h:ee(N.current,h,t);N.current=t,g(n),P.current={draft:n,journal:x.journal},await W(n,x.journal.revision)},Z=async()=>{let e=P.current.journal;if(e?.child)try{let t=(await s(A,{kind:e.kind,childId:e.child.id,date:e.periodStart})).journalTemplate,n=z({...e,body:t}).mine,r={...P.current.draft};for(let[e,t]of Object.entries(n))!r[e]&&t&&(r[e]=t);g(r),P.current={draft:r,journal:e},await W(r,e.revision)}catch{w(n(`errorGeneric`))}};if(!d)return a(`p`,{children:n(`loading`)});let Q=i.value,se=u(f.value),{home:$}=z(d),ce=p(`status${d.status}`);return a(`div`,{"data-testid":`journal-editor`,"data-status":d.status,"data-revision":d.revision,children:[a(`header`,{class:`editor-head`,children:[a(`h2`,{children:[p(`kind${d.kind}`),` `,d.child?.name??d.classroom?.name??``,` `,a(`span`,{class:`muted`,children:d.periodStart})]}),a(`p`,{class:`status-chip s-${d.status.toLowerCase()}`,"data-testid":`journal-status`,children:ce}),a(`p`,{class:`muted small`,"aria-live":`polite`,"data-testid":`save-state`,children:v===`saving`?p(`editorSaving`):v===`offline`?p(`editorOffline`):v===`saved`?p(`editorSaved`,{rev:d.revision}):``})]}),d.reviewComment&&d.status===`RETURNED`&&a(`p`,{class:`note`,children:p(`reviewComment`,{comment:d.reviewComment})}),C&&a(`p`,{class:`error`,role:`alert`,children:C}),x&&a(`section`,{class:`card conflict`,role:`alert`,"data-testid":`conflict`,children:[a(`h2`,{children:[a(_,{name:`alert`}),` `,p(`conflictTitle`)]}),a(`p`,{children:p(`conflictBody`,{who:x.who,at:y(x.at,Q)})}),a(`div`,{class:`side-by-side`,children:[a(`div`,{children:[a(`h3`,{children:p(`conflictMine`)}),a(`dl`,{"data-testid":`conflict-mine`,children:R[d.kind].map(e=>a(`div`,{class:h[e]===x.theirs[e]?``:`differs`,children:[a(`dt`,{children:p(`sec${e}`)}),a(`dd`,{children:h[e]||`—`})]},e))})]}),a(`div`,{children:[a(`h3`,{children:p(`conflictTheirs`)}),a(`dl`,{"data-testid":`conflict-theirs`,children:R[d.kind].map(e=>a(`div`,{class:h[e]===x.theirs[e]?``:`differs`,children:[a(`dt`,{children:p(`sec${e}`)}),a(`dd`,{children:x.theirs[e]||`—`})]},e))})]})]}),a(`div`,{class:`dialog-actions wrap`,children:[a(`button`,{class:`btn`,onClick:()=>void X(`theirs`),children:p(`conflictKeepTheirs`)}),a(`button`,{class:`btn`,onClick:()=>void X(`mine`),children:p(`conflictKeepMine`)}),a(`button`,{class:`btn primary`,onClick:()=>void X(`merge`),children:p(`conflictMerge`)})]})]}),a(`div`,{class:d.kind===`CONTACT_NOTEBOOK`?`notebook-split`:``,children:[a(`section`,{class:`card`,children:[!K&&!x&&a(`p`,{class:`muted`,children:p(`editorReadOnly`,{status:ce})}),R[d.kind].map(e=>a(`label`,{class:`field`,children:[a(`span`,{children:p(`sec${e}`)}),a(`textarea`,{name:e,rows:e===`activities`||e===`observations`||e===`content`?4:2,value:h[e]??``,readOnly:!K,onInput:t=>q(e,t.currentTarget.value),onBlur:()=>K&&void J()})]},e))]}),d.kind===`CONTACT_NOTEBOOK`&&a(`section`,{class:`card home-side`,"data-testid":`home-side`,children:[a(`h3`,{children:p(`homeSide`)}),Object.keys($).length===0?a(`p`,{class:`muted`,children:p(`homeEmpty`)}):a(`dl`,{children:oe.filter(e=>$[e]!=null&&$[e]!==``).map(e=>a(`div`,{children:[a(`dt`,{children:p(`sec${e}`)}),a(`dd`,{children:String($[e])})]},e))})]})]}),a(`div`,{class:`editor-actions`,children:[K&&d.kind===`CONTACT_NOTEBOOK`&&a(`button`,{class:`btn`,onClick:()=>void Z(),"data-testid":`prefill`,children:p(`prefill`)}),K&&d.kind!==`CONTACT_NOTEBOOK`&&a(`button`,{class:`btn primary`,onClick:()=>void Y(e=>s(te,{id:e.id,revision:e.revision}).then(e=>e.submitJournal)),children:p(`submit`)}),d.kind===`CONTACT_NOTEBOOK`&&d.status!==`PUBLISHED`&&a(`button`,{class:`btn primary`,onClick:()=>void Y(e=>s(ie,{id:e.id}).then(e=>e.publishJournal)),children:p(`publish`)}),se&&d.status===`SUBMITTED`&&a(t,{children:[a(`button`,{class:`btn primary`,onClick:()=>void Y(e=>s(ne,{id:e.id}).then(e=>e.approveJournal)),children:[a(_,{name:`check`}),` `,p(`approve`)]}),a(`label`,{class:`field inline`,children:[a(`span`,{children:p(`returnComment`)}),a(`input`,{name:`comment`,value:D,maxLength:1e3,onInput:e=>M(e.currentTarget.value)})]}),a(`button`,{class:`btn`,disabled:!D.trim(),onClick:()=>void Y(e=>s(re,{id:e.id,comment:D.trim()}).then(e=>e.returnJournal)),children:p(`returnIt`)})]})]}),T&&T.length>0&&a(`details`,{class:`card history`,children:[a(`summary`,{children:[p(`history`),` (`,T.length,`)`]}),a(`ol`,{"data-testid":`history`,children:[...T].reverse().map(e=>a(`li`,{children:p(`historyItem`,{rev:e.revision,action:p(`action${e.action}`),who:e.actor.displayName,at:y(e.at,Q)})},e.revision+e.action+e.at))})]})]})}function V({nurseryId:r}){let[c,l]=o(null),[u,d]=o(null);e(()=>{let e=m();s(M,{nurseryId:r}).then(t=>t.nursery?s(N,{municipalityId:t.nursery.municipality.id,nurseryId:r,from:h(e,-13),to:e}):null).then(e=>l(e?.nurseryDaySummaries??[])).catch(()=>l([])),s(D,{nurseryId:r,status:`SUBMITTED`}).then(e=>d(e.journals.length)).catch(()=>{})},[r]);let f=i.value,_=S.value.filter(E),y={PRESENT:[],ABSENT:[],LATE:[],NOT_YET:[],LEFT:[]};for(let e of C.value?.classrooms??[])for(let t of e.children){let r=T(t.attendance,t.absences,_.filter(e=>e.childId===t.id)),i=r.report?.symptoms.map(e=>n(`symptom${e}`))??[],a=i.length?f===`ja`?`（${i.join(`・`)}）`:` (${i.join(`, `)})`:``,o=r.status===`LATE`&&r.at?` ${g(r.at)}`:``;y[r.status].push(`${t.name}${r.status===`ABSENT`?a:o} · ${e.name}`)}let b=(e,t,n,r=!0)=>a(`section`,{class:`card ov-box ${n}`,"data-testid":`ov-${n}`,children:[a(`h2`,{children:[e,` `,a(`span`,{class:`ov-count`,children:t.length})]}),r&&(t.length?a(`ul`,{children:t.map(e=>a(`li`,{children:e},e))}):a(`p`,{class:`muted`,children:p(`ovNobody`)}))]});return a(t,{children:[a(`p`,{class:`today`,children:v(m(),f)}),u!=null&&u>0&&a(`p`,{children:a(`a`,{class:`btn primary`,href:`/inbox`,children:p(`ovInbox`,{n:u})})}),a(`div`,{class:`ov-grid`,children:[b(p(`ovPresent`),y.PRESENT,`st-present`,!1),b(p(`ovAbsent`),y.ABSENT,`st-absent`),b(p(`ovLate`),y.LATE,`st-late`),b(p(`ovNotYet`),y.NOT_YET,`st-none`),b(p(`ovLeft`),y.LEFT,`st-left`,!1)]}),a(`section`,{class:`card`,children:[a(`h2`,{children:p(`ovByDay`)}),c?c.length===0?a(`p`,{class:`muted`,children:p(`ovNoDays`)}):a(`div`,{class:`table-wrap`,tabIndex:0,children:a(`table`,{class:`data-table`,"data-testid":`ov-days`,children:[a(`thead`,{children:a(`tr`,{children:[a(`th`,{scope:`col`,children:p(`ovDate`)}),a(`th`,{scope:`col`,children:p(`ovPresent`)}),a(`th`,{scope:`col`,children:p(`ovAbsent`)}),a(`th`,{scope:`col`,children:p(`ovNapCompliance`)}),a(`th`,{scope:`col`,children:p(`ovDiaries`)})]})}),a(`tbody`,{children:[...c].reverse().map(e=>a(`tr`,{children:[a(`th`,{scope:`row`,children:v(e.date,f)}),a(`td`,{children:[e.present,`/`,e.enrolled]}),a(`td`,{children:e.absent}),a(`td`,{children:[e.napChecksOnTime,`/`,e.napChecksRequired,e.napCheckCompliance!=null&&` (${Math.round(e.napCheckCompliance*100)}%)`]}),a(`td`,{children:[e.diariesApproved,`/`,e.classrooms]})]},e.date))})]})}):a(`p`,{children:n(`loading`)})]})]})}function H({nurseryId:r}){let[c,l]=o(``),[u,d]=o(``),[f,m]=o(null),[h,g]=o(null),_=e=>s(P,{nurseryId:r,operation:c.trim()||null,access:u||null,first:50,after:e}).then(t=>{m(n=>e?[...n??[],...t.auditLog.entries]:t.auditLog.entries),g(t.auditLog.nextCursor??null)}).catch(()=>m(e=>e??[]));e(()=>void _(null),[r]);let v=i.value;return a(t,{children:[a(`form`,{class:`filters`,onSubmit:e=>{e.preventDefault(),_(null)},children:[a(`label`,{class:`field inline`,children:[a(`span`,{children:p(`auditOperation`)}),a(`input`,{name:`operation`,value:c,onInput:e=>l(e.currentTarget.value),placeholder:`checkIn`})]}),a(`label`,{class:`field inline`,children:[a(`span`,{children:p(`auditAccess`)}),a(`select`,{name:`access`,value:u,onChange:e=>d(e.currentTarget.value),children:[a(`option`,{value:``,children:p(`auditAll`)}),a(`option`,{value:`READ`,children:p(`auditREAD`)}),a(`option`,{value:`WRITE`,children:p(`auditWRITE`)})]})]}),a(`button`,{class:`btn primary`,type:`submit`,children:p(`auditFilter`)})]}),f?a(`div`,{class:`table-wrap`,tabIndex:0,children:a(`table`,{class:`data-table`,"data-testid":`audit`,children:[a(`thead`,{children:a(`tr`,{children:[a(`th`,{scope:`col`,children:p(`auditWhen`)}),a(`th`,{scope:`col`,children:p(`auditOperation`)}),a(`th`,{scope:`col`,children:p(`auditAccess`)}),a(`th`,{scope:`col`,children:p(`auditActor`)})]})}),a(`tbody`,{children:f.map(e=>a(`tr`,{children:[a(`td`,{children:y(e.at,v)}),a(`td`,{children:e.operation}),a(`td`,{children:p(e.access===`READ`?`auditREAD`:`auditWRITE`)}),a(`td`,{class:`small mono`,children:e.actorId?.slice(0,8)??`—`})]},e.id))})]})}):a(`p`,{children:n(`loading`)}),h&&a(`button`,{class:`btn`,onClick:()=>void _(h),children:p(`auditMore`)})]})}function U({banner:e,nurseryId:t,route:n}){let r=/^\/journals\/([^/]+)$/.exec(n),[i,o,s]=r?[p(`journalsTitle`),a(B,{id:decodeURIComponent(r[1])},r[1]),`/journals`]:n===`/notebook`?[p(`notebookTitle`),a(Y,{nurseryId:t})]:n===`/inbox`?[p(`inboxTitle`),a(Q,{nurseryId:t})]:n===`/overview`?[p(`overviewTitle`),a(V,{nurseryId:t})]:n===`/audit`?[p(`auditTitle`),a(H,{nurseryId:t})]:[p(`journalsTitle`),a(X,{nurseryId:t})];return a(b,{title:i,back:s,banner:e,pending:S.value.length,wide:!0,children:[a(x,{}),o]})}function W(){let e=C.value?.classrooms??[];return e.find(e=>e.id===w.value)??e[0]??null}function G(t,n){let[r,i]=o(null),a=JSON.stringify(n);return e(()=>{let e=!0;return s(D,{nurseryId:t,...n}).then(t=>e&&i(t.journals)).catch(()=>e&&i([])),()=>{e=!1}},[t,a]),r}async function K(e,t,n,r){let i=(await s(A,{kind:e,classroomId:t.classroomId??null,childId:t.childId??null,date:n})).journalTemplate,a=(await s(j,{input:{kind:e,classroomId:t.classroomId??null,childId:t.childId??null,periodStart:n,periodEnd:r,body:i}})).saveJournalDraft;l(`/journals/${encodeURIComponent(a.id)}`)}function q({status:e}){return a(`span`,{class:`status-chip s-${e.toLowerCase()}`,children:p(`status${e}`)})}function J(e){try{let t=JSON.parse(e).home??{};return Object.values(t).some(e=>e!=null&&e!==``)}catch{return!1}}function Y({nurseryId:e}){let r=m(),s=G(e,{kind:`CONTACT_NOTEBOOK`,from:r,to:r}),c=W(),[l,u]=o(!1);return!c||!s?a(`p`,{children:n(`loading`)}):a(t,{children:[a(`p`,{class:`today`,children:[c.name,` · `,v(r,i.value)]}),l&&a(`p`,{class:`error`,children:n(`errorGeneric`)}),a(`ul`,{class:`journal-list`,"data-testid":`notebook-list`,children:c.children.map(e=>{let t=s.find(t=>t.child?.id===e.id),n=t?J(t.body):!1;return a(`li`,{class:`card journal-row`,"data-testid":`notebook-row`,"data-child":e.id,children:[a(`span`,{class:`journal-name`,children:e.name}),a(q,{status:t?.status??`NONE`}),n&&a(`span`,{class:`small`,children:[a(_,{name:`home`,size:16}),` `,p(`homeSide`)]}),t?a(`a`,{class:`btn small`,href:`/journals/${encodeURIComponent(t.id)}`,children:p(`notebookOpen`)}):a(`button`,{class:`btn small primary`,onClick:()=>K(`CONTACT_NOTEBOOK`,{childId:e.id},r,r).catch(()=>u(!0)),children:p(`notebookNew`)})]},e.id)})})]})}function X({nurseryId:e}){let r=m(),s=G(e,{from:h(r,-30),to:r}),c=W(),[l,u]=o(!1);if(!c||!s)return a(`p`,{children:n(`loading`)});let d=s.filter(e=>e.kind!==`CONTACT_NOTEBOOK`&&e.classroom?.id===c.id),f=d.find(e=>e.kind===`DAILY_DIARY`&&e.periodStart===r);return a(t,{children:[a(`p`,{class:`today`,children:[c.name,` · `,v(r,i.value)]}),l&&a(`p`,{class:`error`,children:n(`errorGeneric`)}),a(`div`,{class:`class-action`,children:[f?a(`a`,{class:`btn primary big`,href:`/journals/${encodeURIComponent(f.id)}`,"data-testid":`open-diary`,children:[a(_,{name:`book`}),` `,p(`openDiary`)]}):a(`button`,{class:`btn primary big`,"data-testid":`new-diary`,onClick:()=>K(`DAILY_DIARY`,{classroomId:c.id},r,r).catch(()=>u(!0)),children:[a(_,{name:`book`}),` `,p(`newDiary`)]}),a(`button`,{class:`btn`,onClick:()=>K(`GUIDANCE_PLAN`,{classroomId:c.id},r,h(r,6)).catch(()=>u(!0)),children:p(`newPlan`)})]}),a(`h2`,{children:p(`recentJournals`)}),d.length===0&&a(`p`,{class:`muted`,children:p(`noJournals`)}),a(`ul`,{class:`journal-list`,children:d.map(e=>a(Z,{journal:e},e.id))})]})}function Z({journal:e}){return a(`li`,{class:`card journal-row`,"data-testid":`journal-row`,children:[a(`a`,{class:`journal-name`,href:`/journals/${encodeURIComponent(e.id)}`,children:[p(`kind${e.kind}`),` `,e.classroom?.name??e.child?.name??``,` `,v(e.periodStart,i.value)]}),a(q,{status:e.status}),a(`span`,{class:`muted small`,children:p(`by`,{who:e.author.displayName})})]})}function Q({nurseryId:e}){let r=G(e,{status:`SUBMITTED`});return r?a(t,{children:[r.length===0&&a(`p`,{class:`muted`,children:p(`inboxEmpty`)}),a(`ul`,{class:`journal-list`,"data-testid":`inbox`,children:r.map(e=>a(Z,{journal:e},e.id))})]}):a(`p`,{children:n(`loading`)})}export{U as JournalScreen};
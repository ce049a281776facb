import{l as e,o as t,s as n,t as r}from"./jsxRuntime-CwlHkL6Z.js";import{C as i,h as a,y as o}from"./index-Bc8s_29E.js";import{t as s}from"./strings-work-DPMdQIvZ.js";import{h as c,l,n as u,t as d}from"./shell-DQfVQozL.js";import{b as f,l as p}from"./store-BeWlvvk6.js";var m=new a(`
    query ArrivalChecks($nurseryId: ID!) {
  arrivalChecks(nurseryId: $nurseryId) {
    ...ArrivalCheckFields
  }
}
    fragment ArrivalCheckFields on ArrivalCheck {
  id
  open
  resolution
  raisedAt
  resolvedAt
  note
  child {
    id
    name
    classroom {
      id
      name
    }
  }
}`),h=new a(`
    subscription ArrivalCheckFeed {
  arrivalCheckUpdates {
    ...ArrivalCheckFields
  }
}
    fragment ArrivalCheckFields on ArrivalCheck {
  id
  open
  resolution
  raisedAt
  resolvedAt
  note
  child {
    id
    name
    classroom {
      id
      name
    }
  }
}`),g=new a(`
    mutation CloseArrivalCheck($id: ID!, $note: String!) {
  closeArrivalCheck(id: $id, note: $note) {
    ...ArrivalCheckFields
  }
}
    fragment ArrivalCheckFields on ArrivalCheck {
  id
  open
  resolution
  raisedAt
  resolvedAt
  note
  child {
    id
    name
    classroom {
      id
      name
    }
  }
}`),_=t(null),v=t(!1);function y(e){let t=_.value??[],n=t.findIndex(t=>t.id===e.id);_.value=n<0?[...t,e]:t.map((t,r)=>r===n?e:t)}function b(e){let t=()=>i(m,{nurseryId:e}).then(e=>{v.value=!1;let t=new Map((_.value??[]).map(e=>[e.id,e]));_.value=e.arrivalChecks.map(e=>t.get(e.id)??e)}).catch(()=>v.value=!0),n=o(h,()=>({}),e=>y(e.arrivalCheckUpdates));t();let r=c(),a=setInterval(()=>{c()!==r&&t()},6e4);return()=>{n(),clearInterval(a)}}function x({banner:e,nurseryId:t}){n(()=>b(t),[t]);let i=_.value,a=(i??[]).filter(e=>e.open).sort((e,t)=>e.child.name.localeCompare(t.child.name,`ja`)),o=(i??[]).filter(e=>!e.open);return r(d,{title:s(`arrivalsTitle`),banner:e,pending:p.value.length,wide:!0,children:[r(f,{}),r(`p`,{class:`muted`,children:s(`arrivalsLead`)}),i===null&&r(`p`,{children:v.value?s(`arrivalsFailed`):`…`}),i!==null&&a.length===0&&r(`p`,{class:`badge st-present`,"data-testid":`arrivals-clear`,children:[r(u,{name:`check`}),` `,s(`arrivalsNone`)]}),r(`ul`,{class:`report-list`,"data-testid":`arrivals-open`,"aria-label":s(`arrivalsOpen`),children:a.map(e=>r(S,{check:e},e.id))}),o.length>0&&r(`section`,{children:[r(`h2`,{children:s(`arrivalsEnded`)}),r(`ul`,{class:`plain-list`,"data-testid":`arrivals-ended`,children:o.map(e=>r(`li`,{"data-child":e.child.id,"data-resolution":e.resolution,children:[r(`strong`,{children:e.child.name}),` `,r(`span`,{class:`muted`,children:e.child.classroom.name}),` — `,s(`arrivalsResolution${e.resolution??`ARRIVED`}`),e.resolvedAt&&` ${l(e.resolvedAt)}`,e.note&&r(`span`,{class:`quote block`,children:e.note})]},e.id))})]})]})}function S({check:t}){let[n,a]=e(``),[o,c]=e(null),[d,f]=e(!1),p=`note-${t.id}`,m=async()=>{if(!n.trim())c(s(`arrivalsNoteNeeded`));else{f(!0),c(null);try{y((await i(g,{id:t.id,note:n.trim()})).closeArrivalCheck)}catch{c(s(`arrivalsCloseFailed`))}finally{f(!1)}}};return r(`li`,{class:`card report st-late`,"data-testid":`arrival-check`,"data-child":t.child.id,children:[r(`h2`,{children:[r(u,{name:`clock`}),` `,t.child.name,` `,r(`span`,{class:`muted`,children:t.child.classroom.name})]}),r(`p`,{children:s(`arrivalsSince`,{time:l(t.raisedAt)})}),r(`div`,{class:`field`,children:[r(`label`,{for:p,children:s(`arrivalsNote`)}),r(`textarea`,{id:p,name:`note`,rows:2,value:n,onInput:e=>a(e.target.value),placeholder:s(`arrivalsNoteHint`)})]}),o&&r(`p`,{class:`error`,role:`alert`,children:o}),r(`button`,{class:`btn primary big`,disabled:d,onClick:()=>void m(),children:[r(u,{name:`check`}),` `,s(`arrivalsClose`)]})]})}export{x as ArrivalsScreen};
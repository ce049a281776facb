import{c as e,s as t,t as n,u as r}from"./jsxRuntime-K-K-D2y6.js";import{C as i,h as a,y as o}from"./index-D4TBl890.js";import{t as s}from"./strings-work-CWROeNbD.js";import{h as c,l,n as u,t as d}from"./shell-BLv-c9W6.js";import{b as f,l as p}from"./store-EY4i5kUI.js";var m=new a(`
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
}`),_=t(null),v=t(!1);function y(e){let t=_.value??[],n=t.findIndex(t=>t.id===e.id);_.value=n<0?[...t,e]:t.map((t,r)=>r===n?e:t)}function b(e){let t=()=>i(m,{nurseryId:e}).then(e=>{v.value=!1;let t=new Map((_.value??[]).map(e=>[e.id,e]));_.value=e.arrivalChecks.map(e=>t.get(e.id)??e)}).catch(()=>v.value=!0),n=o(h,()=>({}),e=>y(e.arrivalCheckUpdates));t();let r=c(),a=setInterval(()=>{c()!==r&&t()},6e4);return()=>{n(),clearInterval(a)}}function x({banner:t,nurseryId:r}){e(()=>b(r),[r]);let i=_.value,a=(i??[]).filter(e=>e.open).sort((e,t)=>e.child.name.localeCompare(t.child.name,`ja`)),o=(i??[]).filter(e=>!e.open);return n(d,{title:s(`arrivalsTitle`),banner:t,pending:p.value.length,wide:!0,children:[n(f,{}),n(`p`,{class:`muted`,children:s(`arrivalsLead`)}),i===null&&n(`p`,{children:v.value?s(`arrivalsFailed`):`…`}),i!==null&&a.length===0&&n(`p`,{class:`badge st-present`,"data-testid":`arrivals-clear`,children:[n(u,{name:`check`}),` `,s(`arrivalsNone`)]}),n(`ul`,{class:`report-list`,"data-testid":`arrivals-open`,"aria-label":s(`arrivalsOpen`),children:a.map(e=>n(S,{check:e},e.id))}),o.length>0&&n(`section`,{children:[n(`h2`,{children:s(`arrivalsEnded`)}),n(`ul`,{class:`plain-list`,"data-testid":`arrivals-ended`,children:o.map(e=>n(`li`,{"data-child":e.child.id,"data-resolution":e.resolution,children:[n(`strong`,{children:e.child.name}),` `,n(`span`,{class:`muted`,children:e.child.classroom.name}),` — `,s(`arrivalsResolution${e.resolution??`ARRIVED`}`),e.resolvedAt&&` ${l(e.resolvedAt)}`,e.note&&n(`span`,{class:`quote block`,children:e.note})]},e.id))})]})]})}function S({check:e}){let[t,a]=r(``),[o,c]=r(null),[d,f]=r(!1),p=`note-${e.id}`,m=async()=>{if(!t.trim())c(s(`arrivalsNoteNeeded`));else{f(!0),c(null);try{y((await i(g,{id:e.id,note:t.trim()})).closeArrivalCheck)}catch{c(s(`arrivalsCloseFailed`))}finally{f(!1)}}};return n(`li`,{class:`card report st-late`,"data-testid":`arrival-check`,"data-child":e.child.id,children:[n(`h2`,{children:[n(u,{name:`clock`}),` `,e.child.name,` `,n(`span`,{class:`muted`,children:e.child.classroom.name})]}),n(`p`,{children:s(`arrivalsSince`,{time:l(e.raisedAt)})}),n(`div`,{class:`field`,children:[n(`label`,{for:p,children:s(`arrivalsNote`)}),n(`textarea`,{id:p,name:`note`,rows:2,value:t,onInput:e=>a(e.target.value),placeholder:s(`arrivalsNoteHint`)})]}),o&&n(`p`,{class:`error`,role:`alert`,children:o}),n(`button`,{class:`btn primary big`,disabled:d,onClick:()=>void m(),children:[n(u,{name:`check`}),` `,s(`arrivalsClose`)]})]})}export{x as ArrivalsScreen};
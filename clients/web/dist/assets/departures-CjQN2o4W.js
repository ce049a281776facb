import{l as e,t}from"./jsxRuntime-CwlHkL6Z.js";import{C as n,h as r}from"./index-Bc8s_29E.js";import{t as i}from"./staff-app-C30UlNrs.js";import{l as a,n as o,t as s}from"./shell-DQfVQozL.js";import{_ as c,b as l,g as u,l as d,v as f,y as p}from"./store-BeWlvvk6.js";var m=new r(`
    mutation ExplainDepartureCheck($id: ID!, $note: String!) {
  explainDepartureCheck(id: $id, note: $note) {
    ...DepartureCheckFields
  }
}
    fragment DepartureCheckFields on DepartureCheck {
  id
  open
  alerts
  resolution
  raisedAt
  alertedAt
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
}`);function h({banner:e}){let n=u.value,r=p(n),f=(n??[]).filter(e=>!e.open);return t(s,{title:i(`departuresTitle`),banner:e,pending:d.value.length,wide:!0,children:[t(l,{}),t(`p`,{class:`muted`,children:i(`departuresLead`)}),n===null&&t(`p`,{children:c.value?i(`departuresFailed`):`…`}),n!==null&&r.length===0&&t(`p`,{class:`badge st-present`,"data-testid":`departures-clear`,children:[t(o,{name:`check`}),` `,i(`departuresNone`)]}),t(`ul`,{class:`report-list`,"data-testid":`departures-open`,"aria-label":i(`departuresOpen`),children:r.map(e=>t(g,{check:e},e.id))}),f.length>0&&t(`section`,{children:[t(`h2`,{children:i(`departuresEnded`)}),t(`ul`,{class:`plain-list`,"data-testid":`departures-ended`,children:f.map(e=>t(`li`,{"data-child":e.child.id,"data-resolution":e.resolution,children:[t(`strong`,{children:e.child.name}),` `,t(`span`,{class:`muted`,children:e.child.classroom.name}),` —`,` `,i(e.resolution===`EXPLAINED`?`departuresResolutionEXPLAINED`:`departuresResolutionCHECKED_OUT`),e.resolvedAt&&` ${a(e.resolvedAt)}`,e.note&&t(`span`,{class:`quote block`,children:e.note})]},e.id))})]})]})}function g({check:r}){let[s,c]=e(``),[l,u]=e(null),[d,p]=e(!1),h=`reason-${r.id}`,g=async()=>{if(!s.trim())u(i(`departuresNoteNeeded`));else{p(!0),u(null);try{let e=await n(m,{id:r.id,note:s.trim()});f(e.explainDepartureCheck)}catch{u(i(`departuresExplainFailed`))}finally{p(!1)}}};return t(`li`,{class:`card report st-late`,"data-testid":`departure-check`,"data-child":r.child.id,"data-alerts":r.alerts,children:[t(`h2`,{children:[t(o,{name:`alert`}),` `,r.child.name,` `,t(`span`,{class:`muted`,children:r.child.classroom.name})]}),t(`p`,{children:i(`departuresSince`,{time:a(r.raisedAt),alerts:r.alerts})}),t(`div`,{class:`field`,children:[t(`label`,{for:h,children:i(`departuresNote`)}),t(`textarea`,{id:h,name:`reason`,rows:2,value:s,onInput:e=>c(e.target.value),placeholder:i(`departuresNoteHint`)})]}),l&&t(`p`,{class:`error`,role:`alert`,children:l}),t(`button`,{class:`btn primary big`,disabled:d,onClick:()=>void g(),children:[t(o,{name:`check`}),` `,i(`departuresExplain`)]})]})}export{h as DeparturesScreen};
import{t as e,u as t}from"./jsxRuntime-K-K-D2y6.js";import{C as n,h as r}from"./index-D4TBl890.js";import{t as i}from"./staff-app-DE29myCK.js";import{l as a,n as o,t as s}from"./shell-BLv-c9W6.js";import{_ as c,b as l,g as u,l as d,v as f,y as p}from"./store-EY4i5kUI.js";var m=new r(`
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
}`);function h({banner:t}){let n=u.value,r=p(n),f=(n??[]).filter(e=>!e.open);return e(s,{title:i(`departuresTitle`),banner:t,pending:d.value.length,wide:!0,children:[e(l,{}),e(`p`,{class:`muted`,children:i(`departuresLead`)}),n===null&&e(`p`,{children:c.value?i(`departuresFailed`):`…`}),n!==null&&r.length===0&&e(`p`,{class:`badge st-present`,"data-testid":`departures-clear`,children:[e(o,{name:`check`}),` `,i(`departuresNone`)]}),e(`ul`,{class:`report-list`,"data-testid":`departures-open`,"aria-label":i(`departuresOpen`),children:r.map(t=>e(g,{check:t},t.id))}),f.length>0&&e(`section`,{children:[e(`h2`,{children:i(`departuresEnded`)}),e(`ul`,{class:`plain-list`,"data-testid":`departures-ended`,children:f.map(t=>e(`li`,{"data-child":t.child.id,"data-resolution":t.resolution,children:[e(`strong`,{children:t.child.name}),` `,e(`span`,{class:`muted`,children:t.child.classroom.name}),` —`,` `,i(t.resolution===`EXPLAINED`?`departuresResolutionEXPLAINED`:`departuresResolutionCHECKED_OUT`),t.resolvedAt&&` ${a(t.resolvedAt)}`,t.note&&e(`span`,{class:`quote block`,children:t.note})]},t.id))})]})]})}function g({check:r}){let[s,c]=t(``),[l,u]=t(null),[d,p]=t(!1),h=`reason-${r.id}`,g=async()=>{if(!s.trim())u(i(`departuresNoteNeeded`));else{p(!0),u(null);try{let e=await n(m,{id:r.id,note:s.trim()});f(e.explainDepartureCheck)}catch{u(i(`departuresExplainFailed`))}finally{p(!1)}}};return e(`li`,{class:`card report st-late`,"data-testid":`departure-check`,"data-child":r.child.id,"data-alerts":r.alerts,children:[e(`h2`,{children:[e(o,{name:`alert`}),` `,r.child.name,` `,e(`span`,{class:`muted`,children:r.child.classroom.name})]}),e(`p`,{children:i(`departuresSince`,{time:a(r.raisedAt),alerts:r.alerts})}),e(`div`,{class:`field`,children:[e(`label`,{for:h,children:i(`departuresNote`)}),e(`textarea`,{id:h,name:`reason`,rows:2,value:s,onInput:e=>c(e.target.value),placeholder:i(`departuresNoteHint`)})]}),l&&e(`p`,{class:`error`,role:`alert`,children:l}),e(`button`,{class:`btn primary big`,disabled:d,onClick:()=>void g(),children:[e(o,{name:`check`}),` `,i(`departuresExplain`)]})]})}export{h as DeparturesScreen};
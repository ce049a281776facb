import{i as e,l as t,n,s as r,t as i}from"./jsxRuntime-CwlHkL6Z.js";import{C as a,S as o,h as s}from"./index-Bc8s_29E.js";import{t as c}from"./strings-account-yR2b-zyk.js";import{f as l,o as u,t as d}from"./shell-DQfVQozL.js";import{t as f}from"./letter-BeOn7KNu.js";var p=new s(`
    mutation InviteUser($input: InviteUserInput!, $origin: String!) {
  inviteUser(input: $input) {
    ...IssuedCodeFields
  }
}
    fragment IssuedCodeFields on IssuedCode {
  code
  qrSvg(origin: $origin)
  activationLink(origin: $origin)
  accountCode {
    id
    displayName
    email
    role
    status
    expiresAt
  }
}`),m=new s(`
    mutation ReissueAccountCode($id: ID!, $origin: String!) {
  reissueAccountCode(id: $id) {
    ...IssuedCodeFields
  }
}
    fragment IssuedCodeFields on IssuedCode {
  code
  qrSvg(origin: $origin)
  activationLink(origin: $origin)
  accountCode {
    id
    displayName
    email
    role
    status
    expiresAt
  }
}`),h=new s(`
    mutation RevokeAccountCode($id: ID!) {
  revokeAccountCode(id: $id) {
    id
    status
  }
}
    `),g=new s(`
    query InvitePage($nurseryId: ID!) {
  nursery(id: $nurseryId) {
    id
    name
  }
  accountCodes(nurseryId: $nurseryId) {
    id
    purpose
    displayName
    email
    role
    status
    expiresAt
  }
  me {
    children {
      id
      name
      family {
        id
      }
      classroom {
        name
      }
    }
  }
}
    `);function _({nurseryId:o}){let[s,p]=t(null),[_,y]=t(null),b=()=>a(g,{nurseryId:o}).then(p);if(r(()=>{b()},[o]),_)return i(d,{title:c(`inviteTitle`),back:`/invite`,children:i(f,{issued:_.issued,lang:_.lang,nursery:s?.nursery?.name??``,onDone:()=>y(null)})});let x=async e=>{let t=await a(m,{id:e,origin:location.origin});y({issued:t.reissueAccountCode,lang:n.value}),b()},S=async e=>{await a(h,{id:e}),b()};return i(d,{title:c(`inviteTitle`),back:`/settings`,children:[!s&&i(`p`,{children:e(`loading`)}),s&&i(v,{page:s,nurseryId:o,onIssued:(e,t)=>{y({issued:e,lang:t}),b()}}),s&&i(`section`,{class:`card`,"aria-labelledby":`codes-title`,children:[i(`h2`,{id:`codes-title`,children:c(`codesTitle`)}),s.accountCodes.length===0&&i(`p`,{class:`muted`,children:c(`noCodes`)}),i(`ul`,{class:`plain`,"data-testid":`codes`,children:s.accountCodes.map(e=>i(`li`,{class:`code-row`,"data-status":e.status,children:[i(`div`,{children:[i(`strong`,{children:e.displayName}),` `,i(`span`,{class:`muted`,children:e.email}),i(`br`,{}),i(`span`,{children:c(`status${e.status}`)}),e.status===`PENDING`&&i(`span`,{class:`muted`,children:[` · `,c(`expires`,{date:u(l(e.expiresAt),n.value)})]})]}),e.status!==`USED`&&i(`div`,{class:`actions`,children:[i(`button`,{class:`btn small`,onClick:()=>void x(e.id),children:c(`reissue`)}),e.status===`PENDING`&&i(`button`,{class:`btn small`,onClick:()=>void S(e.id),children:c(`revoke`)})]})]},e.id))})]})]})}function v({page:e,nurseryId:n,onIssued:r}){let[s,l]=t(`GUARDIAN`),[u,d]=t(``),[f,m]=t(``),[h,g]=t(``),[_,v]=t(`ja`),[y,b]=t(null),[x,S]=t(!1),C=[...e.me.children].sort((e,t)=>e.name.localeCompare(t.name,`ja`));return i(`section`,{class:`card`,"aria-labelledby":`invite-title`,children:[i(`h2`,{id:`invite-title`,children:c(`inviteNew`)}),i(`form`,{onSubmit:async e=>{if(e.preventDefault(),b(null),s===`GUARDIAN`&&!u)b(c(`pickChild`));else{S(!0);try{let e=await a(p,{input:{email:h,displayName:f,role:s,scopeId:s===`GUARDIAN`?u:n,locale:_},origin:location.origin});m(``),g(``),r(e.inviteUser,_)}catch(e){b(e instanceof o&&e.code===`CONFLICT`?c(`alreadyAccount`):e instanceof Error?e.message:String(e))}finally{S(!1)}}},novalidate:!0,"data-testid":`invite-form`,children:[i(`fieldset`,{class:`choice-row`,children:[i(`legend`,{children:c(`inviteWhom`)}),i(`label`,{children:[i(`input`,{type:`radio`,name:`role`,checked:s===`GUARDIAN`,onChange:()=>l(`GUARDIAN`)}),` `,c(`roleGuardian`)]}),i(`label`,{children:[i(`input`,{type:`radio`,name:`role`,checked:s===`STAFF`,onChange:()=>l(`STAFF`)}),` `,c(`roleStaff`)]})]}),s===`GUARDIAN`&&i(`label`,{class:`field`,children:[i(`span`,{children:c(`familyOf`)}),i(`select`,{name:`family`,value:u,onChange:e=>d(e.currentTarget.value),children:[i(`option`,{value:``,children:c(`pickChild`)}),C.map(e=>i(`option`,{value:e.family.id,children:[e.name,`（`,e.classroom.name,`）`]},e.id))]})]}),i(`label`,{class:`field`,children:[i(`span`,{children:c(`displayName`)}),i(`input`,{name:`display-name`,autocomplete:`off`,required:!0,value:f,onInput:e=>m(e.currentTarget.value)})]}),i(`label`,{class:`field`,children:[i(`span`,{children:c(`email`)}),i(`input`,{type:`email`,name:`email`,autocomplete:`off`,required:!0,value:h,onInput:e=>g(e.currentTarget.value)})]}),i(`fieldset`,{class:`choice-row`,children:[i(`legend`,{children:c(`letterLanguage`)}),i(`label`,{lang:`ja`,children:[i(`input`,{type:`radio`,name:`lang`,checked:_===`ja`,onChange:()=>v(`ja`)}),` 日本語`]}),i(`label`,{lang:`en`,children:[i(`input`,{type:`radio`,name:`lang`,checked:_===`en`,onChange:()=>v(`en`)}),` English`]})]}),y&&i(`p`,{class:`error`,role:`alert`,children:y}),i(`button`,{class:`btn primary wide`,type:`submit`,disabled:x,children:c(`inviteButton`)})]})]})}export{_ as Invitations};
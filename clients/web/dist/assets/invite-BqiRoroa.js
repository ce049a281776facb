import{c as e,i as t,n,t as r,u as i}from"./jsxRuntime-K-K-D2y6.js";import{C as a,S as o,h as s}from"./index-D4TBl890.js";import{t as c}from"./strings-account-P-B6hy0-.js";import{f as l,o as u,t as d}from"./shell-BLv-c9W6.js";import{t as f}from"./letter-CeUhlS6H.js";var p=new s(`
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
    `);function _({nurseryId:o}){let[s,p]=i(null),[_,y]=i(null),b=()=>a(g,{nurseryId:o}).then(p);if(e(()=>{b()},[o]),_)return r(d,{title:c(`inviteTitle`),back:`/invite`,children:r(f,{issued:_.issued,lang:_.lang,nursery:s?.nursery?.name??``,onDone:()=>y(null)})});let x=async e=>{let t=await a(m,{id:e,origin:location.origin});y({issued:t.reissueAccountCode,lang:n.value}),b()},S=async e=>{await a(h,{id:e}),b()};return r(d,{title:c(`inviteTitle`),back:`/settings`,children:[!s&&r(`p`,{children:t(`loading`)}),s&&r(v,{page:s,nurseryId:o,onIssued:(e,t)=>{y({issued:e,lang:t}),b()}}),s&&r(`section`,{class:`card`,"aria-labelledby":`codes-title`,children:[r(`h2`,{id:`codes-title`,children:c(`codesTitle`)}),s.accountCodes.length===0&&r(`p`,{class:`muted`,children:c(`noCodes`)}),r(`ul`,{class:`plain`,"data-testid":`codes`,children:s.accountCodes.map(e=>r(`li`,{class:`code-row`,"data-status":e.status,children:[r(`div`,{children:[r(`strong`,{children:e.displayName}),` `,r(`span`,{class:`muted`,children:e.email}),r(`br`,{}),r(`span`,{children:c(`status${e.status}`)}),e.status===`PENDING`&&r(`span`,{class:`muted`,children:[` · `,c(`expires`,{date:u(l(e.expiresAt),n.value)})]})]}),e.status!==`USED`&&r(`div`,{class:`actions`,children:[r(`button`,{class:`btn small`,onClick:()=>void x(e.id),children:c(`reissue`)}),e.status===`PENDING`&&r(`button`,{class:`btn small`,onClick:()=>void S(e.id),children:c(`revoke`)})]})]},e.id))})]})]})}function v({page:e,nurseryId:t,onIssued:n}){let[s,l]=i(`GUARDIAN`),[u,d]=i(``),[f,m]=i(``),[h,g]=i(``),[_,v]=i(`ja`),[y,b]=i(null),[x,S]=i(!1),C=[...e.me.children].sort((e,t)=>e.name.localeCompare(t.name,`ja`));return r(`section`,{class:`card`,"aria-labelledby":`invite-title`,children:[r(`h2`,{id:`invite-title`,children:c(`inviteNew`)}),r(`form`,{onSubmit:async e=>{if(e.preventDefault(),b(null),s===`GUARDIAN`&&!u)b(c(`pickChild`));else{S(!0);try{let e=await a(p,{input:{email:h,displayName:f,role:s,scopeId:s===`GUARDIAN`?u:t,locale:_},origin:location.origin});m(``),g(``),n(e.inviteUser,_)}catch(e){b(e instanceof o&&e.code===`CONFLICT`?c(`alreadyAccount`):e instanceof Error?e.message:String(e))}finally{S(!1)}}},novalidate:!0,"data-testid":`invite-form`,children:[r(`fieldset`,{class:`choice-row`,children:[r(`legend`,{children:c(`inviteWhom`)}),r(`label`,{children:[r(`input`,{type:`radio`,name:`role`,checked:s===`GUARDIAN`,onChange:()=>l(`GUARDIAN`)}),` `,c(`roleGuardian`)]}),r(`label`,{children:[r(`input`,{type:`radio`,name:`role`,checked:s===`STAFF`,onChange:()=>l(`STAFF`)}),` `,c(`roleStaff`)]})]}),s===`GUARDIAN`&&r(`label`,{class:`field`,children:[r(`span`,{children:c(`familyOf`)}),r(`select`,{name:`family`,value:u,onChange:e=>d(e.currentTarget.value),children:[r(`option`,{value:``,children:c(`pickChild`)}),C.map(e=>r(`option`,{value:e.family.id,children:[e.name,`（`,e.classroom.name,`）`]},e.id))]})]}),r(`label`,{class:`field`,children:[r(`span`,{children:c(`displayName`)}),r(`input`,{name:`display-name`,autocomplete:`off`,required:!0,value:f,onInput:e=>m(e.currentTarget.value)})]}),r(`label`,{class:`field`,children:[r(`span`,{children:c(`email`)}),r(`input`,{type:`email`,name:`email`,autocomplete:`off`,required:!0,value:h,onInput:e=>g(e.currentTarget.value)})]}),r(`fieldset`,{class:`choice-row`,children:[r(`legend`,{children:c(`letterLanguage`)}),r(`label`,{lang:`ja`,children:[r(`input`,{type:`radio`,name:`lang`,checked:_===`ja`,onChange:()=>v(`ja`)}),` 日本語`]}),r(`label`,{lang:`en`,children:[r(`input`,{type:`radio`,name:`lang`,checked:_===`en`,onChange:()=>v(`en`)}),` English`]})]}),y&&r(`p`,{class:`error`,role:`alert`,children:y}),r(`button`,{class:`btn primary wide`,type:`submit`,disabled:x,children:c(`inviteButton`)})]})]})}export{_ as Invitations};